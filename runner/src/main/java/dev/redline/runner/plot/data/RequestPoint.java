package dev.redline.runner.plot.data;

/**
 * One profiling request from profile_export.jsonl, in the units of the export (ms, tokens); NaN where the
 * record has no such metric (errors, non-streaming runs).
 *
 * @param error the error type, or null for a success
 */
public record RequestPoint(long startNs, long endNs, double ttftMs, double itlMs, double latencyMs, double outputTokens,
                           String error) {
    public boolean failed() { return error != null; }
}
