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
 * A plot across runs that the config defines (AIPerf's multi_run_plots preset of type scatter, scatter_line or
 * pareto): one summary statistic against another, a series per group, each point labelled with the run's name;
 * a pareto preset adds each group's front (y higher is better; x lower is better unless its metric is a throughput).
 * An axis without a stat follows the stat switcher.
 */
public final class PresetAcrossRuns implements PlotBuilder<MultiRunData> {
    public static final Set<String> TYPES = Set.of("scatter", "scatter_line", "pareto");

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
        boolean xHigherIsBetter = MetricRegistry.find(x.getMetric()).map(d -> d.has(MetricFlag.LARGER_IS_BETTER)).orElse(false);
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            List<RunData> ordered = runs.stream().sorted(TtftVsThroughput.LoadOrder.COMPARATOR).toList();
            Map<String, List<Point>> byStat = new LinkedHashMap<>();
            Map<String, List<Point>> front = new LinkedHashMap<>();
            for (String stat : Stats.SWITCHABLE) {
                List<Point> points = new ArrayList<>();
                for (RunData r : ordered) {
                    Double xv = r.value(x.getMetric(), x.getStat() != null ? x.getStat() : stat);
                    Double yv = r.value(y.getMetric(), y.getStat() != null ? y.getStat() : stat);
                    if (xv != null && yv != null) points.add(Point.labelled(xv, yv, r.name()));
                }
                byStat.put(stat, points);
                if (pareto) {
                    List<Point> byX = new ArrayList<>(points);
                    byX.sort(Comparator.comparingDouble(Point::x));
                    front.put(stat, ParetoCurve.front(byX, xHigherIsBetter));
                }
            }
            if (byStat.get(Stats.AVG).isEmpty()) return;
            series.add(new Series(group, preset.getType().equals("scatter_line") ? SeriesStyle.LINE_MARKERS : SeriesStyle.SCATTER, byStat));
            if (pareto) series.add(new Series(group + " Pareto front", SeriesStyle.LINE, front));
        });
        if (series.isEmpty()) return List.of();
        String title = preset.getTitle() != null ? preset.getTitle() : name;
        return List.of(new Chart(name, name, title, Axis.linear(MetricLabels.axis(x.getMetric(), data.runs())),
                Axis.linear(MetricLabels.axis(y.getMetric(), data.runs())), series, Stats.SWITCHABLE, Stats.AVG));
    }
}
