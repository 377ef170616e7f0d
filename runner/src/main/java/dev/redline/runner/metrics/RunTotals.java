package dev.redline.runner.metrics;

import java.util.Map;

/**
 * The run-level numbers aggregate and derived metrics are computed from.
 *
 * @param validCount       successful records
 * @param errorCount       error records (cancellations included)
 * @param rateLimitedCount error records answered with HTTP 429 (a subset of the errors)
 * @param goodCount        successful records meeting every goodput SLO
 * @param minRequestWallNs earliest send (epoch ns) over successful records; 0 when none
 * @param maxResponseWallNs latest send + request latency (epoch ns) over successful records; 0 when none
 * @param counters         per-record counters by tag (usage_discrepancy_count, osl_mismatch_count)
 * @param distributions    record-metric distributions by tag (only those with values)
 */
public record RunTotals(long validCount, long errorCount, long rateLimitedCount, long goodCount, long minRequestWallNs,
                        long maxResponseWallNs, Map<String, Long> counters, Map<String, Distribution> distributions) {

    /** Benchmark duration in ns, or 0 when no successful record. */
    public long durationNs() { return validCount == 0 ? 0 : maxResponseWallNs - minRequestWallNs; }

    /** Sum of a record metric's values (display units), NaN when it has none. */
    public double sum(String tag) {
        Distribution d = distributions.get(tag);
        return d == null || d.count() == 0 ? Double.NaN : d.sum();
    }

    /** Value per second of benchmark duration; NaN when the duration is not positive. */
    public double perSecond(double amount) {
        long ns = durationNs();
        return ns <= 0 ? Double.NaN : amount / (ns / 1e9);
    }
}
