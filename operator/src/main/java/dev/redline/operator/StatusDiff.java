package dev.redline.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.BenchmarkStatus;

/** Compares statuses by their JSON form, so only a real change is patched (and announced). */
final class StatusDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusDiff() { }

    static boolean same(BenchmarkStatus a, BenchmarkStatus b) {
        if (a == null || b == null) return a == b;
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }
}
