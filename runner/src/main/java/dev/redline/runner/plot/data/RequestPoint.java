package dev.redline.runner.plot.data;

import java.util.Map;

/**
 * One profiling request from profile_export.jsonl, in the units of the export (ms, tokens); NaN where the
 * record has no such metric (errors, non-streaming runs).
 *
 * @param error   the error type, or null for a success
 * @param metrics every numeric per-request metric of the record by tag (what AIPerf's per-request plots may name)
 */
public record RequestPoint(long startNs, long endNs, double ttftMs, double itlMs, double latencyMs, double outputTokens,
                           String error, Map<String, Double> metrics) {
    public boolean failed() { return error != null; }

    /** The record's value of a per-request metric, NaN when it has none. */
    public double metric(String tag) {
        Double v = metrics.get(tag);
        return v == null ? Double.NaN : v;
    }
}
