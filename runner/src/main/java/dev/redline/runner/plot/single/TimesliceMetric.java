package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.data.TimeSliceData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One metric per time slice (--slice-duration), at each slice's start; the stat switcher picks avg/p50/.../p99. */
public final class TimesliceMetric implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String tag;
    private final String title;

    public TimesliceMetric(String name, String tag, String title) {
        this.name = name;
        this.tag = tag;
        this.title = title;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<String> stats = new ArrayList<>(Stats.SWITCHABLE);
        String unit = null;
        boolean any = false;
        for (TimeSliceData s : data.slices()) {
            MetricStats m = s.metrics().get(tag);
            if (m == null) continue;
            any = true;
            unit = m.unit();
            stats.removeIf(stat -> !m.values().containsKey(stat));
        }
        if (!any) return List.of();
        Map<String, List<Point>> byStat = new LinkedHashMap<>();
        for (String stat : stats.isEmpty() ? List.of(Stats.AVG) : stats) {
            List<Point> points = new ArrayList<>();
            for (TimeSliceData s : data.slices()) {
                MetricStats m = s.metrics().get(tag);
                Double v = m == null ? null : m.value(stat);
                if (v != null) points.add(Point.of(data.seconds(s.startNs()), v));
            }
            byStat.put(stat, points);
        }
        Series series = stats.size() > 1 ? new Series(tag, SeriesStyle.LINE_MARKERS, byStat)
                : Series.of(tag, SeriesStyle.LINE_MARKERS, byStat.values().iterator().next());
        return List.of(new Chart(name, name, title, Axis.linear("Time slice start (s)"), Axis.linear(title + " (" + unit + ")"),
                List.of(series), stats.size() > 1 ? stats : List.of(), Stats.AVG));
    }
}
