package dev.redline.runner.plot.chart;

import java.util.List;

/**
 * A plot as data, rendered to PNG and into the dashboard from the same points (tests check the points,
 * not pixels).
 *
 * @param id          file name of the PNG and the dashboard element (plots/&lt;id&gt;.png)
 * @param plot        the plot name that produced it (PlotNames), for selection
 * @param stats       statistics the stat switcher offers for this chart (empty: no switcher)
 * @param defaultStat the statistic the PNG shows
 * @param y2          the second y axis, on the right, of the series marked {@link Series#secondary()}; null when none
 */
public record Chart(String id, String plot, String title, Axis x, Axis y, List<Series> series, List<String> stats,
                    String defaultStat, Axis y2) {
    public Chart {
        series = List.copyOf(series);
        stats = List.copyOf(stats);
        if (y2 == null && series.stream().anyMatch(Series::secondary)) {
            throw new IllegalArgumentException(id + ": a series on the second y axis needs that axis");
        }
    }

    /** A chart with one y axis. */
    public Chart(String id, String plot, String title, Axis x, Axis y, List<Series> series, List<String> stats, String defaultStat) {
        this(id, plot, title, x, y, series, stats, defaultStat, null);
    }

    public boolean hasSecondAxis() { return y2 != null; }

    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no series " + name));
    }
}
