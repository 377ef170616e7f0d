package dev.redline.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The per-request metrics a regression gate can compare: those that {@code profile_export.jsonl} (Redline's
 * and AIPerf's) carries as one number per request, with the direction in which a change is worse.
 * Aggregate metrics (request_throughput, goodput...) have no per-request samples; SLOs gate on those.
 */
public final class GateMetrics {
    /** Tag -> true when larger is better (throughput per user), false when smaller is (latencies). */
    private static final Map<String, Boolean> LARGER_IS_BETTER = new LinkedHashMap<>();

    static {
        LARGER_IS_BETTER.put("time_to_first_token", false);
        LARGER_IS_BETTER.put("time_to_second_token", false);
        LARGER_IS_BETTER.put("time_to_first_output_token", false);
        LARGER_IS_BETTER.put("inter_token_latency", false);
        LARGER_IS_BETTER.put("request_latency", false);
        LARGER_IS_BETTER.put("effective_latency", false);
        LARGER_IS_BETTER.put("decode_duration", false);
        LARGER_IS_BETTER.put("output_token_throughput_per_user", true);
        LARGER_IS_BETTER.put("prefill_throughput_per_user", true);
    }

    /** What a gate compares when it names no metric: the usual latency figures (missing ones are skipped). */
    public static final String DEFAULTS = "time_to_first_token:p50,time_to_first_token:p99,inter_token_latency:p50,"
            + "request_latency:p50,request_latency:p99";

    private GateMetrics() { }

    public static Set<String> tags() { return LARGER_IS_BETTER.keySet(); }

    public static boolean known(String tag) { return LARGER_IS_BETTER.containsKey(tag); }

    public static boolean largerIsBetter(String tag) { return Boolean.TRUE.equals(LARGER_IS_BETTER.get(tag)); }
}
