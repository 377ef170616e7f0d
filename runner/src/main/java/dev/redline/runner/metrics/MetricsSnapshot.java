package dev.redline.runner.metrics;

import java.util.List;
import java.util.Map;

/**
 * Everything an accumulator holds, in a form that serialises to JSON (Jackson handles records), so a
 * coordinator can merge the results of several runners. The metrics context is not included: the
 * receiver rebuilds it from the benchmark spec all runners share.
 *
 * @param minRequestWallNs Long.MAX_VALUE when the part had no successful record
 * @param maxResponseWallNs Long.MIN_VALUE when the part had no successful record
 * @param specDecodeHistogram the pooled spec-decode acceptance histogram (j to verify steps), null when none
 */
public record MetricsSnapshot(int version, long validCount, long errorCount, long cancelledCount, long lateCount,
                              long goodCount, long minRequestWallNs, long maxResponseWallNs,
                              Map<String, Long> counters, List<ErrorSummaryEntry> errors,
                              Map<String, DistributionSnapshot> distributions,
                              Map<Integer, Long> specDecodeHistogram) {
    public static final int VERSION = 1;
}
