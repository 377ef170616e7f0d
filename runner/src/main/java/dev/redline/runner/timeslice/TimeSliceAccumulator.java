package dev.redline.runner.timeslice;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.record.RequestRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Splits the profiling records over fixed windows of {@code sliceNs} starting at the profiling phase's
 * start, each record in the window of its request start, and keeps one metrics accumulator per window.
 * Every record lands in exactly one window, so the windows' counts add up to the run's. Not thread-safe:
 * fed by the single record-processing thread.
 */
public final class TimeSliceAccumulator {
    private final MetricsContext ctx;
    private final long sliceNs;
    private final TreeMap<Integer, RecordMetricsAccumulator> slices = new TreeMap<>();
    private long originPerfNs = Long.MIN_VALUE;
    private long wallMinusPerfNs;
    private boolean offsetKnown;
    private long lastEndPerfNs = Long.MIN_VALUE;
    private double networkRttMs;

    public TimeSliceAccumulator(MetricsContext ctx, double sliceSeconds) {
        if (!(sliceSeconds > 0)) throw new IllegalArgumentException("slice duration must be positive: " + sliceSeconds);
        this.ctx = ctx;
        this.sliceNs = Math.max(1, Math.round(sliceSeconds * 1e9));
    }

    /** Anchors the grid: call when the profiling phase starts (before its first request). */
    public void start(long originPerfNs) {
        if (this.originPerfNs == Long.MIN_VALUE) this.originPerfNs = originPerfNs;
    }

    public void add(RequestRecord r) {
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        boolean sent = r.startPerfNs() > 0; // unsent records (none expected) count in the first window
        if (originPerfNs == Long.MIN_VALUE && sent) originPerfNs = r.startPerfNs(); // not anchored: first record seen
        if (!offsetKnown && sent) {
            wallMinusPerfNs = r.startWallNs() - r.startPerfNs();
            offsetKnown = true;
        }
        slices.computeIfAbsent(sent && originPerfNs != Long.MIN_VALUE ? indexOf(r.startPerfNs()) : 0, i -> new RecordMetricsAccumulator(ctx)).add(r);
        lastEndPerfNs = Math.max(lastEndPerfNs, Math.max(r.endPerfNs(), r.startPerfNs()));
    }

    /** The window a request started in; requests before the anchor count in the first. */
    int indexOf(long startPerfNs) {
        return (int) Math.max(0, (startPerfNs - originPerfNs) / sliceNs);
    }

    public long sliceNs() { return sliceNs; }

    /** The run's mean network RTT (ms) to subtract in every window ({@link RecordMetricsAccumulator#networkRtt}). */
    public void networkRtt(double ms) { networkRttMs = ms; }

    /** Whether any record was added. */
    public boolean isEmpty() { return slices.isEmpty(); }

    /** Wall clock (epoch ns) of a {@link System#nanoTime()} reading, from the records' own pairs. */
    public long toWallNs(long perfNs) { return perfNs + wallMinusPerfNs; }

    /**
     * Every window from the first through the one holding the last request start (empty windows
     * included, so the grid has no holes); the last one ends at the last response. With {@code telemetry}
     * (nullable), each window also carries the server and GPU samples scraped in it.
     */
    public List<TimeSlice> slices(SliceTelemetry telemetry) {
        List<TimeSlice> out = new ArrayList<>();
        if (slices.isEmpty()) return out;
        int last = slices.lastKey();
        long origin = originPerfNs == Long.MIN_VALUE ? 0 : originPerfNs;
        for (int i = 0; i <= last; i++) {
            long start = origin + i * sliceNs;
            long end = i == last ? Math.max(start + 1, Math.min(start + sliceNs, lastEndPerfNs)) : start + sliceNs;
            RecordMetricsAccumulator acc = slices.getOrDefault(i, new RecordMetricsAccumulator(ctx));
            acc.networkRtt(networkRttMs);
            BenchmarkResults results = acc.resultsOver(toWallNs(start), toWallNs(end));
            SliceTelemetry.Samples samples = telemetry == null ? SliceTelemetry.Samples.NONE : telemetry.over(start, end);
            out.add(new TimeSlice(i, start, end, toWallNs(start), toWallNs(end), results, samples.server(), samples.gpu()));
        }
        return out;
    }
}
