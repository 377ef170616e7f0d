package dev.redline.plan.aggregate;

import dev.redline.plan.Variation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a sweep export: a variation's parameters and its metrics in AIPerf's per-combination shape.
 * With several trials, {@code metrics} is keyed {@code <tag>_<stat>} and holds {@code mean, std, min, max,
 * cv, ci_low, ci_high, unit}; with one, it is keyed by tag and holds {@code mean, avg, std, min, max, cv,
 * ci_low, ci_high, unit} plus the run's percentiles, count and sum (AIPerf 0.13's single-trial shape).
 */
public record Combination(Variation variation, Map<String, Object> parameters, Map<String, Map<String, Object>> metrics,
                          boolean multiTrial) {
    public Combination {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The mean over trials of one statistic of one metric ({@code avg}, {@code p99}, ...), or null. */
    public Double value(String tag, String stat) {
        Map<String, Object> m = multiTrial ? metrics.get(tag + "_" + stat) : metrics.get(tag);
        if (m == null) return null;
        Object v = multiTrial || stat.equals("avg") ? m.get("mean") : m.get(stat);
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** The unit of a metric, or null. */
    public String unit(String tag, String stat) {
        Map<String, Object> m = multiTrial ? metrics.get(tag + "_" + stat) : metrics.get(tag);
        return m == null ? null : (String) m.get("unit");
    }
}
