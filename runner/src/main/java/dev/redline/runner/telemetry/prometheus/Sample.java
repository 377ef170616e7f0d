package dev.redline.runner.telemetry.prometheus;

import java.util.Map;

/**
 * One sample line: the full sample name (e.g. {@code foo_bucket}), its labels in the order written,
 * the value, and the optional timestamp in epoch milliseconds (null when absent).
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMs) {
    public String label(String key) {
        return labels.get(key);
    }
}
