package dev.redline.runner.plot.multi;

import dev.redline.api.v1alpha1.PlotNames;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each headline metric against each knob that differs between the runs (concurrency, request rate, a
 * swept ISL...): one chart per metric and knob, one line per group, with the multi-run confidence
 * interval as error bars where the runs are aggregates.
 */
public final class MetricVsParameter implements PlotBuilder<MultiRunData> {
    static final List<String> METRICS = List.of("output_token_throughput", "request_throughput", "time_to_first_token",
            "inter_token_latency", "request_latency");

    @Override
    public String name() { return PlotNames.METRIC_VS_PARAMETER; }

    @Override
    public List<Chart> build(MultiRunData data) {
        List<Chart> charts = new ArrayList<>();
        for (String knob : sweptKnobs(data.runs())) {
            for (String metric : METRICS) {
                Chart c = chart(data, knob, metric);
                if (c != null) charts.add(c);
            }
        }
        return charts;
    }

    /** Knobs with at least two distinct values across the runs, in first-seen order. */
    static List<String> sweptKnobs(List<RunData> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.parameters().keySet()));
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (runs.stream().map(r -> r.parameter(n)).filter(v -> v != null).distinct().count() >= 2) out.add(n);
        }
        return out;
    }

    private Chart chart(MultiRunData data, String knob, String metric) {
        boolean distribution = data.runs().stream().map(r -> r.metric(metric)).anyMatch(m -> m != null && m.values().containsKey("p99"));
        List<String> stats = distribution ? Stats.SWITCHABLE : List.of(Stats.AVG);
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            List<RunData> ordered = runs.stream().filter(r -> r.parameter(knob) != null)
                    .sorted(Comparator.comparing(r -> r.parameter(knob))).toList();
            Map<String, List<Point>> byStat = new LinkedHashMap<>();
            for (String stat : stats) {
                List<Point> points = new ArrayList<>();
                for (RunData r : ordered) {
                    MetricStats m = r.metric(metric);
                    Double y = m == null ? null : m.value(stat);
                    if (y != null) points.add(Point.labelled(r.parameter(knob), y, r.name()).withInterval(m.interval(stat)));
                }
                byStat.put(stat, points);
            }
            if (byStat.get(Stats.AVG).isEmpty()) return;
            series.add(distribution ? new Series(group, SeriesStyle.LINE_MARKERS, byStat)
                    : Series.of(group, SeriesStyle.LINE_MARKERS, byStat.get(Stats.AVG)));
        });
        if (series.isEmpty()) return null;
        String yLabel = MetricLabels.axis(metric, data.runs());
        return new Chart(metric + "_vs_" + knob, name(), yLabel.replaceAll(" \\(.*\\)$", "") + " vs " + MetricLabels.knob(knob),
                Axis.linear(MetricLabels.knob(knob)), Axis.linear(yLabel), series, distribution ? stats : List.of(), Stats.AVG);
    }
}
