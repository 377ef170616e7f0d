package dev.redline.runner.plot.single;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.List;

/** AIPerf's area plot of a per-request metric: its value per request against x, filled down to zero. */
public final class RequestMetricArea implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final String x;
    private final String y;

    /** {@code title} null: AIPerf's "&lt;metric&gt; Over Time". */
    public RequestMetricArea(String name, String title, String x, String y) {
        this.name = name;
        this.title = title != null ? title : MetricRegistry.find(y).map(MetricDef::header).orElse(y) + " Over Time";
        this.x = x;
        this.y = y;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Point> points = RequestAxis.points(x, y, data);
        if (points.isEmpty()) return List.of();
        String yLabel = AiperfLabels.axis(y, null, data);
        return List.of(new Chart(name, name, title, Axis.linear(AiperfLabels.axis(x, null, data)), Axis.linear(yLabel),
                List.of(Series.of(yLabel, SeriesStyle.AREA, points)), List.of(), "avg"));
    }
}
