package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.ServerMetricSeries;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code histogram} preset of a Prometheus histogram (source server_metrics): the window's cumulative
 * bucket counts (observations ≤ each upper bound) of server_metrics_export.json, against the bounds on a log axis;
 * the {@code +Inf} bucket, which has no position on it, is named in the title.
 */
public final class ServerMetricBuckets implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final ServerMetricSelector metric;

    public ServerMetricBuckets(String name, String title, String metricSpec) {
        this.name = name;
        this.metric = ServerMetricSelector.parse(metricSpec);
        this.title = title != null ? title : metric.name() + " Distribution (Histogram Buckets)";
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        ServerMetricSeries s = metric.select(data.serverMetrics()).stream().filter(m -> m.isHistogram() && !m.buckets().isEmpty())
                .findFirst().orElse(null);
        if (s == null) return List.of();
        List<Point> points = new ArrayList<>();
        Double inf = null;
        for (Map.Entry<String, Double> b : s.buckets().entrySet()) {
            if (b.getKey().equalsIgnoreCase("+Inf")) {
                inf = b.getValue();
                continue;
            }
            double le = Double.parseDouble(b.getKey());
            if (le > 0) points.add(Point.labelled(le, b.getValue(), "≤ " + b.getKey() + ": " + Math.round(b.getValue())));
        }
        if (points.isEmpty()) return List.of();
        String t = inf == null ? title : title + " (+Inf: " + Math.round(inf) + ")";
        String x = s.unit().isEmpty() ? "Bucket Upper Bound" : "Bucket Upper Bound (" + s.unit() + ")";
        return List.of(new Chart(name, name, t, new Axis(x, true), Axis.linear("Observation Count"),
                List.of(Series.of("Observations", SeriesStyle.STEP_AREA, points)), List.of(), Series.ALL));
    }
}
