package dev.redline.runner.plot.multi;

import dev.redline.api.v1alpha1.PlotAxis;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.MetricRegistry;
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
import java.util.Set;

/**
 * A plot across runs that the config defines (AIPerf's multi_run_plots preset of type scatter, scatter_line,
 * pareto or latency_throughput_uncertainty): one summary statistic against another, a series per group, each point
 * labelled with the run's name; a pareto preset adds each group's front (y higher is better; x lower is better unless
 * its metric is a throughput); an uncertainty preset adds, around each multi-run mean, the ellipse through its two
 * confidence intervals — AIPerf's ellipse when no x-y covariance is known, which Redline's aggregate does not export
 * (a configuration run once is its point alone). An axis without a stat follows the stat switcher.
 */
public final class PresetAcrossRuns implements PlotBuilder<MultiRunData> {
    public static final String UNCERTAINTY = "latency_throughput_uncertainty";
    public static final Set<String> TYPES = Set.of("scatter", "scatter_line", "pareto", UNCERTAINTY);
    /** Points on each uncertainty ellipse. */
    static final int STEPS = 48;

    private final String name;
    private final PlotPreset preset;

    public PresetAcrossRuns(String name, PlotPreset preset) {
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
        boolean pareto = preset.getType().equals("pareto");
        boolean uncertainty = preset.getType().equals(UNCERTAINTY);
        boolean xHigherIsBetter = MetricRegistry.find(x.getMetric()).map(d -> d.has(MetricFlag.LARGER_IS_BETTER)).orElse(false);
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            List<RunData> ordered = runs.stream().sorted(TtftVsThroughput.LoadOrder.COMPARATOR).toList();
            Map<String, List<Point>> byStat = new LinkedHashMap<>();
            Map<String, List<Point>> front = new LinkedHashMap<>();
            Map<String, List<Point>> rings = new LinkedHashMap<>();
            for (String stat : Stats.SWITCHABLE) {
                String xs = x.getStat() != null ? x.getStat() : stat;
                String ys = y.getStat() != null ? y.getStat() : stat;
                List<Point> points = new ArrayList<>();
                List<Point> ellipses = new ArrayList<>();
                for (RunData r : ordered) {
                    Double xv = r.value(x.getMetric(), xs);
                    Double yv = r.value(y.getMetric(), ys);
                    if (xv == null || yv == null) continue;
                    points.add(Point.labelled(xv, yv, uncertainty && r.trials() > 1 ? r.name() + " (" + r.trials() + " runs)" : r.name()));
                    if (uncertainty) addEllipse(ellipses, xv, yv, interval(r, x.getMetric(), xs), interval(r, y.getMetric(), ys));
                }
                byStat.put(stat, points);
                rings.put(stat, ellipses);
                if (pareto) {
                    List<Point> byX = new ArrayList<>(points);
                    byX.sort(Comparator.comparingDouble(Point::x));
                    front.put(stat, ParetoCurve.front(byX, xHigherIsBetter));
                }
            }
            if (byStat.get(Stats.AVG).isEmpty()) return;
            series.add(new Series(group, preset.getType().equals("scatter_line") ? SeriesStyle.LINE_MARKERS : SeriesStyle.SCATTER, byStat));
            if (pareto) series.add(new Series(group + " Pareto front", SeriesStyle.LINE, front));
            if (uncertainty && !rings.get(Stats.AVG).isEmpty()) series.add(new Series(group + " confidence", SeriesStyle.LINE, rings));
        });
        if (series.isEmpty()) return List.of();
        String title = preset.getTitle() != null ? preset.getTitle() : name;
        return List.of(new Chart(name, name, title, Axis.linear(MetricLabels.axis(x.getMetric(), data.runs())),
                Axis.linear(MetricLabels.axis(y.getMetric(), data.runs())), series, Stats.SWITCHABLE, Stats.AVG));
    }

    private static double[] interval(RunData r, String metric, String stat) {
        var m = r.metric(metric);
        return m == null ? null : m.interval(stat);
    }

    /** Adds the ellipse of one mean (after a break when there are others); none without both intervals. */
    private static void addEllipse(List<Point> out, double cx, double cy, double[] xi, double[] yi) {
        if (xi == null || yi == null) return;
        if (!out.isEmpty()) out.add(Point.BREAK);
        out.addAll(ellipse(cx, cy, xi, yi));
    }

    /**
     * The closed ellipse through the interval bounds: each quarter uses the half-width on its side of the mean, so
     * the ring touches x = low, x = high, y = low and y = high (an interval that is not symmetric keeps its bounds).
     */
    static List<Point> ellipse(double cx, double cy, double[] xi, double[] yi) {
        List<Point> out = new ArrayList<>(STEPS + 1);
        for (int i = 0; i <= STEPS; i++) {
            double t = 2 * Math.PI * i / STEPS;
            double c = Math.cos(t);
            double sn = Math.sin(t);
            double dx = c >= 0 ? xi[1] - cx : cx - xi[0];
            double dy = sn >= 0 ? yi[1] - cy : cy - yi[0];
            out.add(Point.of(cx + dx * c, cy + dy * sn));
        }
        return out;
    }
}
