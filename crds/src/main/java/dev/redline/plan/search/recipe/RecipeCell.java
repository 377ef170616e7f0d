package dev.redline.plan.search.recipe;

import dev.redline.api.results.ProfileExport;
import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.search.Evaluations;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** A finished variation as a cell: {@code shared} plus its own knob values; each metric the mean over its successful trials. */
    public static RecipeCell of(Observation o, Map<String, Number> shared) {
        Map<String, Number> values = new LinkedHashMap<>(shared);
        o.variation().values().forEach((k, v) -> {
            if (v instanceof Number n) values.put(k, n);
        });
        List<ProfileExport> exports = o.successful().stream().map(TrialOutcome::export).toList();
        return new RecipeCell(values, (tag, stat) -> exports.isEmpty() ? null : Evaluations.mean(exports, tag, stat));
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
