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
 * A per-request metric against a per-request x ({@link RequestAxis}), as AIPerf's two such presets draw it: an
 * {@code area} is the value of each request filled down to zero; a {@code scatter_with_percentiles} is each
 * request as a marker ("Individual Requests") with the rolling P50, P95 and P99 over the last 10 requests in x
 * order (pandas' rolling quantile, min_periods 1) as lines.
 */
public final class RequestMetricAgainstX implements PlotBuilder<SingleRunData> {
    static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private final String name;
    private final String title;
    private final String x;
    private final String y;
    private final boolean percentiles;

    private RequestMetricAgainstX(String name, String title, String x, String y, boolean percentiles) {
        this.name = name;
        this.title = title;
        this.x = x;
        this.y = y;
        this.percentiles = percentiles;
    }

    /** {@code title} null: AIPerf's "&lt;metric&gt; Over Time". */
    public static RequestMetricAgainstX area(String name, String title, String x, String y) {
        return new RequestMetricAgainstX(name, title != null ? title : header(y) + " Over Time", x, y, false);
    }

    /** {@code title} null: AIPerf's "&lt;metric&gt; Over Time with Percentiles". */
    public static RequestMetricAgainstX withPercentiles(String name, String title, String x, String y) {
        return new RequestMetricAgainstX(name, title != null ? title : header(y) + " Over Time with Percentiles", x, y, true);
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Point> points = RequestAxis.points(x, y, data);
        if (points.isEmpty()) return List.of();
        String yLabel = AiperfLabels.axis(y, null, data);
        List<Series> series = new ArrayList<>();
        if (percentiles) {
            series.add(Series.of("Individual Requests", SeriesStyle.SCATTER, points));
            for (String p : PERCENTILES) series.add(Series.of(p.toUpperCase(), SeriesStyle.LINE, RequestMetricOverTime.rolling(points, p)));
        } else {
            series.add(Series.of(yLabel, SeriesStyle.AREA, points));
        }
        return List.of(new Chart(name, name, title, Axis.linear(AiperfLabels.axis(x, null, data)), Axis.linear(yLabel), series, List.of(), "avg"));
    }

    private static String header(String tag) {
        return MetricRegistry.find(tag).map(MetricDef::header).orElse(tag);
    }
}
