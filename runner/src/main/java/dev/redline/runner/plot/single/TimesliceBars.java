package dev.redline.runner.plot.single;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.data.TimeSliceData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AIPerf's histogram of time slices: one bar per slice with the slice's statistic of the metric, its standard
 * deviation as an error bar, and, for a metric with a distribution (not a rate), the run's average as a line with
 * its ±1 std band. With use_slice_duration the bars span each slice's time (slice i from i·d to (i+1)·d seconds),
 * else they stand at the slice numbers.
 */
public final class TimesliceBars implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final String tag;
    private final String stat;
    private final boolean sliceTime;

    /** {@code title} null: AIPerf's "&lt;stat&gt; Over Time"; {@code stat} null: avg. */
    public TimesliceBars(String name, String title, String tag, String stat, boolean sliceTime) {
        this.name = name;
        this.stat = stat == null ? MetricStats.AVG : stat;
        this.title = title != null ? title : AiperfLabels.titleCase(this.stat) + " Over Time";
        this.tag = tag;
        this.sliceTime = sliceTime;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<TimeSliceData> slices = data.slices();
        List<Point> bars = new ArrayList<>();
        List<Point> spread = new ArrayList<>();
        String unit = null;
        // AIPerf places slice i at i·d with the run's slice duration d (a last, shorter slice keeps that width)
        double width = sliceTime && !slices.isEmpty() ? (slices.get(0).endNs() - slices.get(0).startNs()) / 1e9 : 1;
        for (int i = 0; i < slices.size(); i++) {
            TimeSliceData s = slices.get(i);
            MetricStats m = s.metrics().get(tag);
            Double v = m == null ? null : m.value(stat);
            if (v == null) continue;
            unit = m.unit();
            double left = sliceTime ? i * width : i - 0.5;
            // a slice without the metric leaves a gap: down to zero after the bar before it
            if (!bars.isEmpty() && bars.get(bars.size() - 1).x() < left - 1e-9) bars.add(Point.of(bars.get(bars.size() - 1).x(), 0));
            bars.add(Point.of(left, v));
            bars.add(Point.of(left + width, v));
            Double std = m.values().get("std");
            if (std != null) spread.add(Point.of(left + width / 2, v).withInterval(new double[]{v - std, v + std}));
        }
        if (bars.isEmpty()) return List.of();
        bars.add(Point.of(bars.get(bars.size() - 1).x(), 0));
        String yLabel = unit == null || unit.isBlank() ? tagName() : tagName() + " (" + unit + ")";
        List<Series> series = new ArrayList<>();
        series.add(Series.of(stat + " per time slice", SeriesStyle.STEP_AREA, bars));
        if (!spread.isEmpty()) series.add(Series.of("±1 std per time slice", SeriesStyle.SCATTER, spread));
        addRunAverage(series, data, sliceTime ? 0 : bars.get(0).x(), bars.get(bars.size() - 1).x());
        return List.of(new Chart(name, name, title, Axis.linear(sliceTime ? "Timeslice (s)" : "Timeslice"), Axis.linear(yLabel),
                series, List.of(), "avg"));
    }

    /** AIPerf's reference line: "Run Average: 12.34 ms" and the ±1 std band, only for a metric with a distribution. */
    private void addRunAverage(List<Series> series, SingleRunData data, double from, double to) {
        MetricStats run = data.run().metric(tag);
        if (run == null || run.values().keySet().stream().allMatch(k -> k.equals(MetricStats.AVG))) return;
        Double avg = run.values().get(MetricStats.AVG);
        if (avg == null) return;
        String label = String.format(Locale.ROOT, "Run Average: %.2f", avg) + (run.unit().isBlank() ? "" : " " + run.unit());
        Double std = run.values().get("std");
        if (std != null) {
            double lo = avg - std;
            double hi = avg + std;
            series.add(Series.of("±1 Std Dev", SeriesStyle.LINE,
                    List.of(Point.of(from, hi), Point.of(to, hi), Point.of(to, lo), Point.of(from, lo), Point.of(from, hi))));
        }
        series.add(Series.of(label, SeriesStyle.LINE, List.of(Point.of(from, avg), Point.of(to, avg))));
    }

    private String tagName() {
        return MetricRegistry.find(tag).map(MetricDef::header).orElse(tag);
    }
}
