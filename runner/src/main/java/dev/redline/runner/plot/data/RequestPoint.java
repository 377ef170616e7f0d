package dev.redline.runner.plot.data;

import java.util.Map;

/**
 * One profiling request from profile_export.jsonl, in the units of the export (ms, tokens); NaN where the
 * record has no such metric (errors, non-streaming runs).
 *
 * @param error   the error type, or null for a success
 * @param columns the position of each metric tag in {@code values}, one map shared by all records of a file
 * @param values  every numeric per-request metric of the record (what AIPerf's per-request plots may name), NaN
 *                where the record has none; an array, not a map per record, as a run may hold millions of records
 */
public record RequestPoint(long startNs, long endNs, double ttftMs, double itlMs, double latencyMs, double outputTokens,
                           String error, Map<String, Integer> columns, double[] values) {
    public boolean failed() { return error != null; }

    /** The record's value of a per-request metric, NaN when it has none. */
    public double metric(String tag) {
        Integer at = columns.get(tag);
        return at == null || at >= values.length ? Double.NaN : values[at];
    }
}
