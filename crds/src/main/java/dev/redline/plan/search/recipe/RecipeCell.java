package dev.redline.plan.search.recipe;

import java.util.Map;

/**
 * One finished cell of a recipe's sweep, as the post-processes read it: its knob values by dot-path and
 * its metric statistics (the mean over the cell's trials; null when not measured).
 */
public record RecipeCell(Map<String, Number> values, Metrics metrics) {
    @FunctionalInterface
    public interface Metrics {
        Double value(String tag, String stat);
    }

    /** The cell's value for a knob, NaN when the cell has none. */
    public double value(String path) {
        Number n = values.get(path);
        return n == null ? Double.NaN : n.doubleValue();
    }

    /** The metric statistic, NaN when missing or not finite. */
    public double metric(String tag, String stat) {
        Double v = metrics.value(tag, stat);
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }
}
