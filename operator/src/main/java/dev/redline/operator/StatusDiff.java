package dev.redline.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
/** Compares statuses by their JSON form, so only a real change is patched (and announced). */
public final class StatusDiff {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusDiff() { }

    /** A Benchmark's or a Search's status. */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) return a == b;
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }
}
