package dev.redline.runner.metrics;

import dev.redline.runner.metrics.types.RequestLatencyMetric;
import dev.redline.runner.metrics.types.TimeToFirstOutputTokenMetric;
import dev.redline.runner.metrics.types.TimeToFirstTokenMetric;
import dev.redline.runner.stats.Stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.redline.runner.metrics.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static dev.redline.runner.metrics.MetricFlag.PRODUCES_TOKENS_ONLY;
import static dev.redline.runner.metrics.MetricFlag.STREAMING_ONLY;
import static dev.redline.runner.metrics.MetricType.DERIVED;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/**
 * AIPerf's network-latency calibration metrics: the run's mean round-trip time ({@code network_rtt}, one value) and,
 * for each latency that starts at the client's send, its {@code network_adjusted_*} twin whose every record is
 * {@code max(latency - rtt, 0)}. They are derived when the run's results are computed (the probed RTT is known only
 * at the end), from the same per-record values as their sources, so they are not in the per-record JSONL.
 * Time to second token, ITL and ICL are gaps inside the stream: the RTT cancels out of them, so they are not adjusted.
 */
public final class NetworkAdjustment {
    public static final String RTT_TAG = "network_rtt";
    static final MetricDef RTT = MetricDef.of(RTT_TAG, "Network RTT", MILLISECONDS, DERIVED, 305, NO_INDIVIDUAL_RECORDS);

    /** Adjusted metric -> the metric whose values it shifts (AIPerf's NETWORK_ADJUSTED_SOURCES). */
    private static final Map<MetricDef, String> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put(MetricDef.of("network_adjusted_request_latency", "Network-Adjusted Request Latency", MILLISECONDS,
                DERIVED, 301, NO_INDIVIDUAL_RECORDS), RequestLatencyMetric.TAG);
        SOURCES.put(MetricDef.of("network_adjusted_time_to_first_token", "Network-Adjusted Time to First Token",
                MILLISECONDS, DERIVED, 101, NO_INDIVIDUAL_RECORDS, STREAMING_ONLY, PRODUCES_TOKENS_ONLY), TimeToFirstTokenMetric.TAG);
        SOURCES.put(MetricDef.of("network_adjusted_time_to_first_output_token", "Network-Adjusted Time to First Output Token",
                MILLISECONDS, DERIVED, 211, NO_INDIVIDUAL_RECORDS, STREAMING_ONLY, PRODUCES_TOKENS_ONLY), TimeToFirstOutputTokenMetric.TAG);
    }

    private NetworkAdjustment() { }

    /** The four definitions, for the registry. */
    static List<MetricDef> defs() {
        List<MetricDef> defs = new ArrayList<>(SOURCES.keySet());
        defs.add(RTT);
        return defs;
    }

    /**
     * Adds {@code network_rtt} and the adjusted metrics whose source has values to {@code out}; nothing when
     * {@code rttMs} is not positive (AIPerf: an RTT of 0 would only repeat the raw metrics).
     */
    static void addResults(List<MetricResult> out, Map<String, Distribution> filled, double rttMs) {
        if (!(rttMs > 0) || Double.isInfinite(rttMs)) return;
        out.add(MetricResult.ofStats(RTT, new Stats(rttMs, rttMs, rttMs, rttMs, rttMs, rttMs, rttMs, rttMs, rttMs, rttMs,
                rttMs, rttMs, 0, 1, rttMs)));
        SOURCES.forEach((def, source) -> {
            Distribution d = filled.get(source);
            Stats stats = d == null ? null : d.shiftedDown(rttMs).stats();
            if (stats != null) out.add(MetricResult.ofStats(def, stats));
        });
    }
}
