package dev.redline.runner.plot.chart;

/** How a series is drawn, the same way in the PNG and the dashboard. */
public enum SeriesStyle {
    /** markers only */
    SCATTER,
    /** a line through the points */
    LINE,
    /** a line with markers */
    LINE_MARKERS,
    /** a step line (value holds until the next point) */
    STEP,
    /** horizontal bars: consecutive point pairs, separated by {@link Point#BREAK} (a Gantt chart) */
    SEGMENTS,
    /** a line filled down to zero (AIPerf's area plots, plotly's fill: tozeroy) */
    AREA,
    /** a step line filled down to zero: adjacent bars, one per window (AIPerf's histogram of time slices) */
    STEP_AREA,
    /** a shaded band between each point's {@link Point#low()} and {@link Point#high()} (AIPerf's percentile bands, fill: tonexty) */
    BAND
}
