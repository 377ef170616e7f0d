package dev.redline.runner.plot.single;

import dev.redline.api.v1alpha1.PlotStyle;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.List;

/**
 * AIPerf's dual_axis plot (its default gpu_utilization_and_throughput_over_time): {@code y} on the left axis and
 * {@code y2} on the right one (from zero) over the run's time, each drawn as its preset style says (mode lines,
 * markers or lines+markers; line_shape hv a step; fill tozeroy filled). The series are named by their axis labels;
 * with supplementary_col active_requests each throughput point carries the requests generating then. A run without
 * either metric (no GPU telemetry) has no such chart, as in AIPerf.
 */
public final class DualAxisOverTime implements PlotBuilder<SingleRunData> {
    private final String name;
    private final String title;
    private final String y;
    private final String y2;
    private final PlotStyle primary;
    private final PlotStyle secondary;
    private final boolean withActive;

    /** {@code title} null: AIPerf's "&lt;y&gt; with &lt;y2&gt;"; styles may be null (lines). */
    public DualAxisOverTime(String name, String title, String y, String y2, PlotStyle primary, PlotStyle secondary,
                            String supplementaryCol) {
        this.name = name;
        this.title = title;
        this.y = y;
        this.y2 = y2;
        this.primary = primary;
        this.secondary = secondary;
        this.withActive = OverTimeMetric.ACTIVE.equals(supplementaryCol);
    }

    @Override
    public String name() { return name; }

    /** Whether a dual_axis plot can draw the metric on one of its axes. */
    public static boolean drawable(String metric) {
        return OverTimeMetric.drawable(metric);
    }

    @Override
    public List<Chart> build(SingleRunData data) {
        OverTimeMetric.Resolved left = OverTimeMetric.resolve(y, data, withActive);
        OverTimeMetric.Resolved right = OverTimeMetric.resolve(y2, data, false);
        // AIPerf leaves the plot out when the run lacks either metric (no GPU telemetry, no records)
        if (left.points().isEmpty() || right.points().isEmpty()) return List.of();
        List<Series> series = List.of(Series.of(left.label(), style(primary), left.points()),
                Series.of(right.label(), style(secondary), right.points()).onSecondAxis());
        String shown = title != null ? title : left.label() + " with " + right.label();
        return List.of(new Chart(name, name, shown, Axis.linear("Time (s)"), Axis.linear(left.label()), series, List.of(), "avg",
                Axis.linear(right.label())));
    }

    /** AIPerf's Style (plotly's mode, line_shape and fill) as one of Redline's series styles. */
    static SeriesStyle style(PlotStyle s) {
        if (s == null) return SeriesStyle.LINE;
        String mode = s.getMode() == null ? "lines" : s.getMode();
        if (mode.equals("markers")) return SeriesStyle.SCATTER;
        boolean step = "hv".equals(s.getLineShape());
        boolean filled = s.getFill() != null && !s.getFill().equals("none");
        if (step) return filled ? SeriesStyle.STEP_AREA : SeriesStyle.STEP;
        if (filled) return SeriesStyle.AREA;
        return mode.equals("lines+markers") ? SeriesStyle.LINE_MARKERS : SeriesStyle.LINE;
    }
}
