package dev.redline.runner.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.redline.runner.record.SpecDecodeStats;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads vLLM's response-root {@code metrics.speculative_decoding} object (AIPerf's spec-decode capture): copies its
 * numbers without judging them; a value of the wrong JSON type is noted, not thrown, so a bad object never fails
 * the response (AIPerf drops such an object with a warning and keeps the record).
 */
final class SpecDecodeReader {
    private static final long A = SpecDecodeStats.ABSENT;

    private SpecDecodeReader() {}

    /** At the {@code metrics} object's start: its {@code speculative_decoding} object, or null when none or empty. */
    static SpecDecodeStats readMetrics(JsonParser p) throws IOException {
        SpecDecodeStats out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("speculative_decoding".equals(name) && t == JsonToken.START_OBJECT) out = readStats(p);
            else p.skipChildren();
        }
        return out;
    }

    private static SpecDecodeStats readStats(JsonParser p) throws IOException {
        double mean = Double.NaN, rate = Double.NaN;
        long[] histogram = null, perStepAccepted = null, perStepDrafted = null;
        long accepted = A, draft = A, steps = A, k = A;
        String problem = null;
        boolean any = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            any = true;
            String name = p.currentName();
            JsonToken t = p.nextToken();
            String bad = null;
            switch (name) {
                case "mean_acceptance_length" -> { mean = number(p, t); if (Double.isNaN(mean)) bad = name; }
                case "draft_acceptance_rate" -> { rate = number(p, t); if (Double.isNaN(rate)) bad = name; }
                case "num_accepted_draft_tokens" -> { accepted = integer(p, t); if (accepted == A) bad = name; }
                case "num_draft_tokens" -> { draft = integer(p, t); if (draft == A) bad = name; }
                case "num_spec_steps" -> {
                    steps = integer(p, t);
                    if (steps == A) { bad = name; steps = -1; } // present though bad: still vLLM's signature
                }
                case "num_spec_tokens" -> {
                    k = t == JsonToken.VALUE_NULL ? A : integer(p, t);
                    if (k == A && t != JsonToken.VALUE_NULL) bad = name;
                }
                case "acceptance_histogram" -> {
                    histogram = ints(p, t);
                    if (histogram == null) { bad = name; histogram = new long[0]; }
                }
                case "per_step_accepted" -> {
                    perStepAccepted = t == JsonToken.VALUE_NULL ? null : ints(p, t);
                    if (perStepAccepted == null && t != JsonToken.VALUE_NULL) bad = name;
                }
                case "per_step_drafted" -> {
                    perStepDrafted = t == JsonToken.VALUE_NULL ? null : ints(p, t);
                    if (perStepDrafted == null && t != JsonToken.VALUE_NULL) bad = name;
                }
                default -> p.skipChildren();
            }
            if (bad != null && problem == null) problem = bad;
        }
        if (!any) return null; // AIPerf treats an empty object as absent
        return new SpecDecodeStats(mean, rate, histogram, accepted, draft, steps, k, perStepAccepted, perStepDrafted,
                problem);
    }

    private static double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
        p.skipChildren();
        return Double.NaN;
    }

    private static long integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return A;
            return p.getLongValue();
        }
        p.skipChildren();
        return A;
    }

    /** A list of JSON integers, or null (skipped) when it is anything else or holds anything else. */
    private static long[] ints(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        long[] out = new long[8];
        int n = 0;
        boolean ok = true;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            long v = integer(p, e);
            if (v == A) ok = false;
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = v;
        }
        return ok ? Arrays.copyOf(out, n) : null;
    }
}
