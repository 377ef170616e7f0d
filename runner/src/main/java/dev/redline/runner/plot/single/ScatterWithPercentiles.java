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

import java.util.ArrayList;
import java.util.List;

/**
 * AIPerf's scatter_with_percentiles: a per-request metric as markers ("Individual Requests") with its rolling
 * p50, p95 and p99 over the last 10 requests in x order (pandas' rolling quantile, min_periods 1) as lines.
 */
public final class ScatterWithPercentiles implements PlotBuilder<SingleRunData> {
    static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private final String name;
    private final String title;
    private final String x;
    private final String y;

    /** {@code title} null: AIPerf's "&lt;metric&gt; Over Time with Percentiles". */
    public ScatterWithPercentiles(String name, String title, String x, String y) {
        this.name = name;
        this.title = title != null ? title : MetricRegistry.find(y).map(MetricDef::header).orElse(y) + " Over Time with Percentiles";
        this.x = x;
        this.y = y;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Point> points = RequestAxis.points(x, y, data);
        if (points.isEmpty()) return List.of();
        List<Series> series = new ArrayList<>();
        series.add(Series.of("Individual Requests", SeriesStyle.SCATTER, points));
        for (String p : PERCENTILES) series.add(Series.of(p.toUpperCase(), SeriesStyle.LINE, RequestMetricOverTime.rolling(points, p)));
        return List.of(new Chart(name, name, title, Axis.linear(AiperfLabels.axis(x, null, data)),
                Axis.linear(AiperfLabels.axis(y, null, data)), series, List.of(), "avg"));
    }
}
