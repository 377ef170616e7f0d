package dev.redline.runner.plot.chart;

import java.util.List;
import java.util.Map;

/**
 * A named series. Its points may depend on the statistic chosen in the dashboard's stat switcher:
 * {@code byStat} maps avg/p50/... to the points; a series that does not depend on it has one entry
 * under {@link #ALL}. A {@code secondary} series is drawn against the chart's second y axis ({@link Chart#y2()}).
 */
public record Series(String name, SeriesStyle style, Map<String, List<Point>> byStat, boolean secondary) {
    public static final String ALL = "all";

    public Series(String name, SeriesStyle style, Map<String, List<Point>> byStat) {
        this(name, style, byStat, false);
    }

    public static Series of(String name, SeriesStyle style, List<Point> points) {
        return new Series(name, style, Map.of(ALL, List.copyOf(points)));
    }

    /** This series against the second y axis. */
    public Series onSecondAxis() {
        return new Series(name, style, byStat, true);
    }

    /** The points for a statistic (the stat-independent points when the series has no such variant). */
    public List<Point> points(String stat) {
        List<Point> p = byStat.get(stat);
        if (p != null) return p;
        p = byStat.get(ALL);
        return p != null ? p : List.of();
    }

    public boolean dependsOnStat() {
        return !byStat.containsKey(ALL);
    }
}
