package dev.redline.api.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of a profile export: its display unit and its statistics in display units. A record metric
 * has {@code avg, min, max, p1..p99, std, count, sum}; an aggregate or derived metric only {@code avg}.
 * Statistics keep the order they were written in.
 */
public final class MetricBlock {
    /** The statistics of a record metric, in AIPerf's order. */
    public static final String[] RECORD_STATS = {"avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90",
            "p95", "p99", "std", "count", "sum"};

    private final String unit;
    private final Map<String, Number> stats;

    /** {@code stats}: finite values; whole numbers as {@link Long} (epoch-ns timestamps need all 64 bits). */
    public MetricBlock(String unit, Map<String, ? extends Number> stats) {
        if (unit == null) throw new IllegalArgumentException("a metric block needs a unit");
        this.unit = unit;
        this.stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /** A scalar (aggregate or derived) metric: {@code {unit, avg}}. */
    public static MetricBlock scalar(String unit, Number value) {
        Map<String, Number> s = new LinkedHashMap<>();
        s.put("avg", value);
        return new MetricBlock(unit, s);
    }

    public String unit() { return unit; }

    /** Every statistic by name, exactly as written; values are finite (non-finite ones are never written). */
    public Map<String, Number> stats() { return stats; }

    /** The statistic (avg, p99, ...) as a double, or null when the block does not carry it. */
    public Double stat(String name) {
        Number n = stats.get(name);
        return n == null ? null : n.doubleValue();
    }

    /** Only {@code avg}: an aggregate or derived metric. */
    public boolean isScalar() { return stats.size() == 1 && stats.containsKey("avg"); }
}
