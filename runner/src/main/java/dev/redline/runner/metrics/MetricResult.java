package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import java.util.Set;

/** One metric's run result: a distribution ({@link #stats}) for record metrics or a scalar {@link #value}. */
public record MetricResult(MetricDef def, Stats stats, double value) {
    public static MetricResult ofStats(MetricDef def, Stats stats) { return new MetricResult(def, stats, Double.NaN); }

    public static MetricResult ofValue(MetricDef def, double value) { return new MetricResult(def, null, value); }

    public String tag() { return def.tag(); }
    public String header() { return def.header(); }
    public String unit() { return def.unit().label(); }
    public MetricType type() { return def.type(); }
    public Set<MetricFlag> flags() { return def.flags(); }
    public boolean isScalar() { return stats == null; }
}
