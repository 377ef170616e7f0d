package dev.redline.runner.plot.multi;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.RunData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output tokens/s per GPU against latency (lower is better) or interactivity (tokens/s per user, higher
 * is better): every run as a marker and, per group, the Pareto front (the runs no other run beats on both
 * axes). Needs GPU counts from telemetry; without them there is no chart.
 */
public final class ParetoCurve implements PlotBuilder<MultiRunData> {
    private final String name;
    private final String xTag;
    private final boolean xHigherIsBetter;
    private final String title;

    private ParetoCurve(String name, String xTag, boolean xHigherIsBetter, String title) {
        this.name = name;
        this.xTag = xTag;
        this.xHigherIsBetter = xHigherIsBetter;
        this.title = title;
    }

    public static ParetoCurve vsLatency() {
        return new ParetoCurve(PlotNames.PARETO_LATENCY, "request_latency", false, "Pareto: output tokens/s per GPU vs latency");
    }

    public static ParetoCurve vsInteractivity() {
        return new ParetoCurve(PlotNames.PARETO_INTERACTIVITY, "output_token_throughput_per_user", true,
                "Pareto: output tokens/s per GPU vs interactivity");
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(MultiRunData data) {
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            Map<String, List<Point>> all = new LinkedHashMap<>();
            Map<String, List<Point>> front = new LinkedHashMap<>();
            for (String stat : Stats.SWITCHABLE) {
                List<Point> points = new ArrayList<>();
                for (RunData r : runs) {
                    Double x = r.value(xTag, stat);
                    Double y = MetricLabels.perGpu(r);
                    if (x != null && y != null) points.add(Point.labelled(x, y, r.name()));
                }
                points.sort(Comparator.comparingDouble(Point::x));
                all.put(stat, points);
                front.put(stat, front(points, xHigherIsBetter));
            }
            if (all.get(Stats.AVG).isEmpty()) return;
            series.add(new Series(group, SeriesStyle.SCATTER, all));
            series.add(new Series(group + " Pareto front", SeriesStyle.LINE, front));
        });
        if (series.isEmpty()) return List.of();
        return List.of(new Chart(name, name, title, Axis.linear(MetricLabels.axis(xTag, data.runs())),
                Axis.linear("Output tokens/s per GPU"), series, Stats.SWITCHABLE, Stats.AVG));
    }

    /** The non-dominated points (y always higher-is-better), sorted by x. */
    static List<Point> front(List<Point> byX, boolean xHigherIsBetter) {
        List<Point> scan = new ArrayList<>(byX);
        if (xHigherIsBetter) java.util.Collections.reverse(scan); // best x first
        List<Point> out = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (Point p : scan) {
            if (p.y() > bestY) {
                out.add(p);
                bestY = p.y();
            }
        }
        out.sort(Comparator.comparingDouble(Point::x));
        return out;
    }
}
