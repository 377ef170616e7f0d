package dev.redline.runner.metrics;

import dev.redline.runner.stats.Stats;
import dev.redline.runner.metrics.types.RateLimitedRequestCountMetric;
import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accumulates the profiling phase's finished records into AIPerf's metrics. Not thread-safe: fed by the
 * single record-processing thread. Valid records feed the record metrics, counters, goodput and the
 * duration; errors feed the error metrics and the error summary; late records are only counted.
 * Accumulators of several runners (same context) combine with {@link #merge}, directly or through a
 * {@link MetricsSnapshot}.
 */
public final class RecordMetricsAccumulator {
    private final MetricsContext ctx;
    private final EnabledMetrics enabled;
    private final RecordMetricsView view;
    private final GoodputEvaluator goodput;
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    // parallel to enabled.valid() / enabled.error() / enabled.counters(): no lookups or boxing per record
    private final Distribution[] validDists;
    private final Distribution[] errorDists;
    private final long[] counterValues;
    private final boolean[] counterSeen;
    private final ErrorSummary errorSummary = new ErrorSummary();
    private long validCount;
    private long errorCount;
    private long cancelledCount;
    private long lateCount;
    private long goodCount;
    /** Verify steps by accepted-draft count j, pooled over successful records (AIPerf's pooled histogram). */
    private long[] pooledAcceptance = new long[0];
    private boolean anySpecDecode;
    private long minRequestWallNs = Long.MAX_VALUE;
    private long maxResponseWallNs = Long.MIN_VALUE;
    /** The run's mean network RTT in ms to subtract (network-latency calibration); 0: none. */
    private double networkRttMs;

    public RecordMetricsAccumulator(MetricsContext ctx) {
        this.ctx = ctx;
        this.enabled = new EnabledMetrics(ctx);
        this.view = new RecordMetricsView(ctx);
        this.goodput = new GoodputEvaluator(ctx);
        validDists = distributionsFor(enabled.valid());
        errorDists = distributionsFor(enabled.error());
        counterValues = new long[enabled.counters().size()];
        counterSeen = new boolean[counterValues.length];
    }

    private Distribution[] distributionsFor(List<RecordMetric> metrics) {
        Distribution[] ds = new Distribution[metrics.size()];
        for (int i = 0; i < ds.length; i++) {
            ds[i] = new Distribution(metrics.get(i).def().unit());
            distributions.put(metrics.get(i).tag(), ds[i]);
        }
        return ds;
    }

    public MetricsContext context() { return ctx; }

    /**
     * Sets the run's mean network round-trip time (ms) that {@link #results} subtracts from the request-start-anchored
     * latencies as the network_adjusted_* metrics ({@link NetworkAdjustment}); 0 or less: no adjustment.
     */
    public void networkRtt(double ms) { networkRttMs = ms; }

    public void add(RequestRecord r) {
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        if (r.lateForGrace()) {
            lateCount++;
            return;
        }
        ErrorInfo error = RecordOutcome.errorOf(r);
        if (error != null) addError(r, error);
        else addValid(r);
    }

    private void addError(RequestRecord r, ErrorInfo error) {
        errorCount++;
        if (r.cancelled()) cancelledCount++;
        errorSummary.add(error);
        feed(enabled.error(), errorDists, r);
    }

    private void addValid(RequestRecord r) {
        validCount++;
        feed(enabled.valid(), validDists, r);
        List<RecordCounterMetric> counters = enabled.counters();
        for (int i = 0; i < counterValues.length; i++) {
            int n = counters.get(i).countOf(r);
            if (n < 0) continue;
            counterSeen[i] = true;
            counterValues[i] += n;
        }
        if (goodput.configured() && goodput.isGood(r)) goodCount++;
        if (r.specDecode() != null) pool(r.specDecode().histogram());
        minRequestWallNs = Math.min(minRequestWallNs, r.startWallNs());
        maxResponseWallNs = Math.max(maxResponseWallNs, r.startWallNs() + RecordTiming.latencyNs(r));
    }

    private static void feed(List<RecordMetric> metrics, Distribution[] dists, RequestRecord r) {
        for (int i = 0; i < dists.length; i++) {
            RecordMetric m = metrics.get(i);
            if (m instanceof ListRecordMetric lm) {
                double[] vs = lm.values(r);
                if (vs != null) for (double v : vs) dists[i].add(v);
            } else {
                double v = m.value(r);
                if (!Double.isNaN(v)) dists[i].add(v);
            }
        }
    }

    private void pool(long[] histogram) {
        anySpecDecode = true;
        if (histogram.length > pooledAcceptance.length) pooledAcceptance = java.util.Arrays.copyOf(pooledAcceptance, histogram.length);
        for (int j = 0; j < histogram.length; j++) pooledAcceptance[j] += histogram[j];
    }

    /** The pooled histogram as AIPerf exports it: zero buckets left out, key-sorted; null when no record had one. */
    private Map<Integer, Long> pooledHistogram() {
        if (!anySpecDecode) return null;
        Map<Integer, Long> out = new java.util.TreeMap<>();
        for (int j = 0; j < pooledAcceptance.length; j++) if (pooledAcceptance[j] != 0) out.put(j, pooledAcceptance[j]);
        return out;
    }

    private void poolAll(Map<Integer, Long> other) {
        if (other == null) return;
        long[] h = new long[other.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        other.forEach((j, n) -> h[j] = n);
        pool(h);
    }

    /** Adds another accumulator's records (e.g. another runner's) to this one. */
    public void merge(RecordMetricsAccumulator other) {
        if (!ctx.equals(other.ctx)) throw new IllegalArgumentException("cannot merge metrics of different runs: "
                + other.ctx + " vs " + ctx);
        other.distributions.forEach((tag, d) -> distributions.get(tag).merge(d));
        mergeCounters(other.counters());
        errorSummary.merge(other.errorSummary);
        poolAll(other.pooledHistogram());
        validCount += other.validCount;
        errorCount += other.errorCount;
        cancelledCount += other.cancelledCount;
        lateCount += other.lateCount;
        goodCount += other.goodCount;
        minRequestWallNs = Math.min(minRequestWallNs, other.minRequestWallNs);
        maxResponseWallNs = Math.max(maxResponseWallNs, other.maxResponseWallNs);
    }

    /** Counter values by tag, for counters at least one record was applicable to. */
    private Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < counterValues.length; i++) {
            if (counterSeen[i]) out.put(enabled.counters().get(i).tag(), counterValues[i]);
        }
        return out;
    }

    private void mergeCounters(Map<String, Long> other) {
        for (int i = 0; i < counterValues.length; i++) {
            Long n = other.get(enabled.counters().get(i).tag());
            if (n == null) continue;
            counterSeen[i] = true;
            counterValues[i] += n;
        }
    }

    /** A portable copy of this accumulator; {@code withValues} = false ships histograms only. */
    public MetricsSnapshot snapshot(boolean withValues) {
        Map<String, DistributionSnapshot> ds = new LinkedHashMap<>();
        distributions.forEach((tag, d) -> ds.put(tag, d.snapshot(withValues)));
        return new MetricsSnapshot(MetricsSnapshot.VERSION, validCount, errorCount, cancelledCount, lateCount,
                goodCount, minRequestWallNs, maxResponseWallNs, counters(), errorSummary.entries(), ds,
                pooledHistogram());
    }

    /** Rebuilds an accumulator from a snapshot taken under the same context (e.g. to merge runners). */
    public static RecordMetricsAccumulator fromSnapshot(MetricsContext ctx, MetricsSnapshot s) {
        if (s.version() != MetricsSnapshot.VERSION) {
            throw new IllegalArgumentException("metrics snapshot: version " + s.version() + " is not supported; expected "
                    + MetricsSnapshot.VERSION);
        }
        RecordMetricsAccumulator acc = new RecordMetricsAccumulator(ctx);
        s.distributions().forEach((tag, ds) -> {
            Distribution own = acc.distributions.get(tag);
            if (own == null) throw new IllegalArgumentException("metrics snapshot: metric '" + tag
                    + "' is not produced by this run; snapshots must come from runners of the same benchmark");
            own.merge(Distribution.fromSnapshot(MetricRegistry.find(tag).orElseThrow().unit(), ds));
        });
        acc.mergeCounters(s.counters());
        acc.poolAll(s.specDecodeHistogram());
        s.errors().forEach(acc.errorSummary::add);
        acc.validCount = s.validCount();
        acc.errorCount = s.errorCount();
        acc.cancelledCount = s.cancelledCount();
        acc.lateCount = s.lateCount();
        acc.goodCount = s.goodCount();
        acc.minRequestWallNs = s.minRequestWallNs();
        acc.maxResponseWallNs = s.maxResponseWallNs();
        return acc;
    }

    /** The per-record metric values for the JSONL export. */
    public Map<String, MetricValue> recordMetrics(RequestRecord r) { return view.compute(r); }

    /** The per-record view the JSONL writer streams from. */
    public RecordMetricsView recordMetricsView() { return view; }

    /** A record metric's distribution (exact values and histogram), if the run has that metric. */
    public Optional<Distribution> distribution(String tag) { return Optional.ofNullable(distributions.get(tag)); }

    public BenchmarkResults results() {
        return results(validCount == 0 ? 0 : minRequestWallNs, validCount == 0 ? 0 : maxResponseWallNs);
    }

    /**
     * Results whose derived metrics (throughputs, benchmark duration) use the window
     * {@code [startWallNs, endWallNs]} instead of the records' own first send and last response: a time
     * slice divides by the slice length.
     */
    public BenchmarkResults resultsOver(long startWallNs, long endWallNs) {
        return results(startWallNs, endWallNs);
    }

    private BenchmarkResults results(long minWall, long maxWall) {
        Map<String, Distribution> filled = new LinkedHashMap<>();
        distributions.forEach((tag, d) -> { if (d.count() > 0) filled.put(tag, d); });
        List<ErrorSummaryEntry> errors = errorSummary.entries();
        long rateLimited = errors.stream().filter(e -> e.code() == RateLimitedRequestCountMetric.STATUS)
                .mapToLong(ErrorSummaryEntry::count).sum();
        RunTotals totals = new RunTotals(validCount, errorCount, rateLimited, goodCount, minWall, maxWall, counters(), filled);

        List<MetricResult> out = new ArrayList<>();
        for (RecordMetric m : enabled.valid()) addStats(out, m, filled);
        for (RecordMetric m : enabled.error()) addStats(out, m, filled);
        NetworkAdjustment.addResults(out, filled, networkRttMs);
        for (ScalarMetric m : enabled.scalar()) {
            double v = m.value(totals);
            if (!Double.isNaN(v)) out.add(MetricResult.ofValue(m.def(), v));
        }
        out.sort(Comparator.comparingInt(r -> r.def().displayOrder())); // stable: registry order breaks ties
        return new BenchmarkResults(out, errors, validCount, errorCount, cancelledCount, lateCount,
                totals.durationNs(), minWall, maxWall, ctx, pooledHistogram());
    }

    private static void addStats(List<MetricResult> out, RecordMetric m, Map<String, Distribution> filled) {
        Distribution d = filled.get(m.tag());
        Stats stats = d == null ? null : d.stats();
        if (stats != null) out.add(MetricResult.ofStats(m.def(), stats)); // null: signed values known only by histogram
    }
}
