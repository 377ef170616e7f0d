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
 * Request throughput against TTFT, one line per group through its runs in load order (AIPerf's
 * ttft_vs_throughput); the TTFT statistic follows the stat switcher, the throughput's CI (multi-run)
 * is the error bar.
 */
public final class TtftVsThroughput implements PlotBuilder<MultiRunData> {
    static final String X = "time_to_first_token";
    static final String Y = "request_throughput";

    @Override
    public String name() { return PlotNames.TTFT_VS_THROUGHPUT; }

    @Override
    public List<Chart> build(MultiRunData data) {
        List<Series> series = new ArrayList<>();
        data.groups().forEach((group, runs) -> {
            List<RunData> ordered = runs.stream().sorted(LoadOrder.COMPARATOR).toList();
            Map<String, List<Point>> byStat = new LinkedHashMap<>();
            for (String stat : Stats.SWITCHABLE) {
                List<Point> points = new ArrayList<>();
                for (RunData r : ordered) {
                    Double x = r.value(X, stat);
                    Double y = r.value(Y, Stats.AVG);
                    if (x != null && y != null) points.add(Point.labelled(x, y, r.name()).withInterval(r.metric(Y).interval(Stats.AVG)));
                }
                byStat.put(stat, points);
            }
            if (!byStat.get(Stats.AVG).isEmpty()) series.add(new Series(group, SeriesStyle.LINE_MARKERS, byStat));
        });
        if (series.isEmpty()) return List.of();
        return List.of(new Chart(name(), name(), "TTFT vs throughput", Axis.linear(MetricLabels.axis(X, data.runs())),
                Axis.linear(MetricLabels.axis(Y, data.runs())), series, Stats.SWITCHABLE, Stats.AVG));
    }

    /** Runs along a line in the order of their load: concurrency, then rate, then name. */
    static final class LoadOrder {
        static final Comparator<RunData> COMPARATOR = Comparator
                .comparing((RunData r) -> r.parameter("concurrency"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.parameter("request_rate"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(RunData::name);

        private LoadOrder() { }
    }
}
