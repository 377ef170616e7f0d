package dev.redline.runner.mock.engine;

import dev.redline.runner.stats.Stats;

/**
 * What a {@code redline profile} run would measure at one load point, computed by simulating it: the metrics are
 * Redline's (and AIPerf's) definitions over the measured requests. Times in ms, throughputs per second.
 *
 * @param concurrency           closed-loop clients (0 for an open-loop rate)
 * @param requestRate           open-loop arrivals per second (NaN for closed loop)
 * @param durationSeconds       first arrival to last token ({@code benchmark_duration})
 * @param timeToFirstToken      {@code time_to_first_token}, ms
 * @param interTokenLatency     {@code inter_token_latency}: per request (last - first token) / (osl - 1), ms
 * @param requestLatency        {@code request_latency}: arrival to last token, ms
 * @param prefixCacheHitRate    prompt tokens found cached / prompt tokens looked up
 * @param meanBatch             running sequences per step, averaged over the steps' durations
 */
public record LoadPoint(int concurrency, double requestRate, int requests, double durationSeconds,
                        double requestThroughput, double outputTokenThroughput, Stats timeToFirstToken,
                        Stats interTokenLatency, Stats requestLatency, double prefixCacheHitRate, long preemptions,
                        double meanBatch) {
    /**
     * A value by Redline's metric tag and stat, as an SLA names it: tags {@code time_to_first_token},
     * {@code inter_token_latency}, {@code request_latency} (stats avg, min, max, p1..p99, std) and
     * {@code output_token_throughput}, {@code request_throughput} (stat ignored). NaN for anything else.
     */
    public double metric(String tag, String stat) {
        return switch (tag) {
            case "time_to_first_token" -> timeToFirstToken.get(stat);
            case "inter_token_latency" -> interTokenLatency == null ? Double.NaN : interTokenLatency.get(stat);
            case "request_latency" -> requestLatency.get(stat);
            case "output_token_throughput" -> outputTokenThroughput;
            case "request_throughput" -> requestThroughput;
            default -> Double.NaN;
        };
    }
}
