package dev.redline.runner.plot.multi;

import dev.redline.api.v1alpha1.PlotAxis;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.RunData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code latency_throughput_uncertainty} preset: each configuration's mean (x, y) across its trials, and
 * around it the ellipse whose semi-axes are the two confidence intervals' half-widths — AIPerf's ellipse when no
 * x-y covariance is known, which Redline's multi-run aggregate does not export. A configuration run once (no
 * intervals) is its point alone; an interval that is not symmetric keeps its own bounds on each side.
 */
public final class LatencyThroughputUncertainty implements PlotBuilder<MultiRunData> {
    public static final String TYPE = "latency_throughput_uncertainty";
    /** Points on each ellipse. */
    static final int STEPS = 48;

    private final String name;
    private final PlotPreset preset;

    public LatencyThroughputUncertainty(String name, PlotPreset preset) {
        this.name = name;
        this.preset = preset;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(MultiRunData data) {
        PlotAxis x = preset.getX();
        PlotAxis y = preset.getY();
        if (x == null || y == null) return List.of();
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            List<RunData> ordered = runs.stream().sorted(TtftVsThroughput.LoadOrder.COMPARATOR).toList();
            Map<String, List<Point>> means = new LinkedHashMap<>();
            Map<String, List<Point>> ellipses = new LinkedHashMap<>();
            for (String stat : Stats.SWITCHABLE) {
                String xs = x.getStat() != null ? x.getStat() : stat;
                String ys = y.getStat() != null ? y.getStat() : stat;
                List<Point> points = new ArrayList<>();
                List<Point> rings = new ArrayList<>();
                for (RunData r : ordered) {
                    Double xv = r.value(x.getMetric(), xs);
                    Double yv = r.value(y.getMetric(), ys);
                    if (xv == null || yv == null) continue;
                    points.add(Point.labelled(xv, yv, r.name() + (r.trials() > 1 ? " (" + r.trials() + " runs)" : "")));
                    double[] xi = interval(r.metric(x.getMetric()), xs);
                    double[] yi = interval(r.metric(y.getMetric()), ys);
                    if (xi != null && yi != null) {
                        if (!rings.isEmpty()) rings.add(Point.BREAK);
                        rings.addAll(ellipse(xv, yv, xi, yi));
                    }
                }
                means.put(stat, points);
                ellipses.put(stat, rings);
            }
            if (means.get(Stats.AVG).isEmpty()) return;
            series.add(new Series(group, SeriesStyle.SCATTER, means));
            if (!ellipses.get(Stats.AVG).isEmpty()) series.add(new Series(group + " confidence", SeriesStyle.LINE, ellipses));
        });
        if (series.isEmpty()) return List.of();
        String title = preset.getTitle() != null ? preset.getTitle() : name;
        return List.of(new Chart(name, name, title, Axis.linear(MetricLabels.axis(x.getMetric(), data.runs())),
                Axis.linear(MetricLabels.axis(y.getMetric(), data.runs())), series, Stats.SWITCHABLE, Stats.AVG));
    }

    private static double[] interval(MetricStats m, String stat) {
        return m == null ? null : m.interval(stat);
    }

    /**
     * The closed ellipse through the interval bounds: each quarter uses the half-width on its side of the mean, so
     * the ring touches x = low, x = high, y = low and y = high.
     */
    static List<Point> ellipse(double cx, double cy, double[] xi, double[] yi) {
        List<Point> out = new ArrayList<>(STEPS + 1);
        for (int i = 0; i <= STEPS; i++) {
            double t = 2 * Math.PI * i / STEPS;
            double c = Math.cos(t);
            double s = Math.sin(t);
            double dx = c >= 0 ? xi[1] - cx : cx - xi[0];
            double dy = s >= 0 ? yi[1] - cy : cy - yi[0];
            out.add(Point.of(cx + dx * c, cy + dy * s));
        }
        return out;
    }
}
