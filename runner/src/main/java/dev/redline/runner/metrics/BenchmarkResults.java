package dev.redline.runner.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one profiling phase.
 *
 * @param metrics           results in display order (record metrics with stats, scalars with a value)
 * @param errorSummary      errors grouped by code and type, most frequent first
 * @param validCount        successful records
 * @param errorCount        error records (cancellations included)
 * @param cancelledCount    cancelled records (a subset of the errors)
 * @param lateCount         records that completed after the grace period: reported, not counted
 * @param benchmarkDurationNs max response wall - min request wall over successful records (0 when none)
 * @param minRequestWallNs  earliest send (epoch ns) over successful records (0 when none)
 * @param maxResponseWallNs latest send + latency (epoch ns) over successful records (0 when none)
 * @param context           the run's metrics context (endpoint type decides the console title)
 * @param pooledSpecDecodeHistogram verify steps by accepted-draft count j over every successful record (zero buckets
 *                          left out); null when no request carried spec-decode stats
 */
public record BenchmarkResults(List<MetricResult> metrics, List<ErrorSummaryEntry> errorSummary, long validCount,
                               long errorCount, long cancelledCount, long lateCount, long benchmarkDurationNs,
                               long minRequestWallNs, long maxResponseWallNs, MetricsContext context,
                               Map<Integer, Long> pooledSpecDecodeHistogram) {
    public BenchmarkResults {
        metrics = List.copyOf(metrics);
        pooledSpecDecodeHistogram = pooledSpecDecodeHistogram == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pooledSpecDecodeHistogram));
        errorSummary = List.copyOf(errorSummary);
    }

    public Optional<MetricResult> metric(String tag) {
        return metrics.stream().filter(m -> m.tag().equals(tag)).findFirst();
    }
}
