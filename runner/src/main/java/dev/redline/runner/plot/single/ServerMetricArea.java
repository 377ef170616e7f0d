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
import java.util.TreeMap;

/**
 * AIPerf's {@code area} preset of a server metric: its value per timeslice at the slice's midpoint (a counter's
 * rate, a gauge's or histogram's avg), filled to zero; several series (labels, endpoints) merge per slice, counters
 * summed and the others averaged, as AIPerf merges them.
 */
public final class ServerMetricArea implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final ServerMetricSelector metric;

    public ServerMetricArea(String name, String title, String metricSpec) {
        this.name = name;
        this.metric = ServerMetricSelector.parse(metricSpec);
        this.title = title != null ? title : metric.name() + " Over Time";
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<ServerMetricSeries> selected = metric.select(data.serverMetrics()).stream().filter(m -> !m.slices().isEmpty()).toList();
        if (selected.isEmpty()) return List.of();
        boolean counter = selected.get(0).isCounter();
        Map<Long, double[]> byMid = new TreeMap<>(); // midpoint ns -> {sum, n}
        for (ServerMetricSeries s : selected) {
            for (ServerMetricSeries.Slice t : s.slices()) {
                double v = t.value(s.isCounter() ? "rate" : "avg");
                if (Double.isNaN(v)) continue;
                double[] acc = byMid.computeIfAbsent(t.startNs() + (t.endNs() - t.startNs()) / 2, k -> new double[2]);
                acc[0] += v;
                acc[1]++;
            }
        }
        List<Point> points = new ArrayList<>();
        byMid.forEach((mid, acc) -> points.add(Point.of(data.seconds(mid), counter ? acc[0] : acc[0] / acc[1])));
        String unit = selected.get(0).unit();
        String y = counter ? metric.name() + " (" + (unit.isEmpty() ? "" : unit) + "/s)" : unit.isEmpty() ? metric.name() : metric.name() + " (" + unit + ")";
        return List.of(new Chart(name, name, title, Axis.linear("Time (s)"), Axis.linear(y),
                List.of(Series.of(metric.name(), SeriesStyle.AREA, points)), List.of(), Series.ALL));
    }
}
