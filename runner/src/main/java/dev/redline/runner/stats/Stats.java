package dev.redline.runner.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a set of values AIPerf exports (avg, min, max, p1..p99, std, count, sum): for record
 * metrics in display units, for telemetry series and trace statistics in their own units. Built by
 * {@link Statistics}.
 */
public record Stats(double avg, double min, double max, double p1, double p5, double p10, double p25, double p50,
                    double p75, double p90, double p95, double p99, double std, long count, double sum) {
    /** No values: every figure NaN, count 0. */
    public static final Stats EMPTY = new Stats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

    /** Percentile by AIPerf's name ("p50"); NaN for an unknown name. */
    public double percentile(String name) {
        return switch (name) {
            case "p1" -> p1;
            case "p5" -> p5;
            case "p10" -> p10;
            case "p25" -> p25;
            case "p50" -> p50;
            case "p75" -> p75;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            default -> Double.NaN;
        };
    }

    /** Any stat by its export key (avg, min, max, p1..p99, std, count, sum). */
    public double get(String key) {
        return switch (key) {
            case "avg" -> avg;
            case "min" -> min;
            case "max" -> max;
            case "std" -> std;
            case "count" -> count;
            case "sum" -> sum;
            default -> percentile(key);
        };
    }

    /** The telemetry export shape: count, avg, min, max, std, p1..p99 (non-finite figures become null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        for (String key : new String[] {"avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"}) {
            double v = get(key);
            m.put(key, Double.isFinite(v) ? v : null);
        }
        return m;
    }
}
