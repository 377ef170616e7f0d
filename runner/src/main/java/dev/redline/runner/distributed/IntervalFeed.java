package dev.redline.runner.distributed;

import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.MetricsSnapshot;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.record.RequestRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An agent's interval histograms: the profiling records of each interval go into a fresh accumulator
 * whose snapshot (HdrHistograms and counters, no raw values) is queued when the interval ends. The
 * record-processing thread feeds it; the agent's socket thread drains and pushes the snapshots. They
 * let the coordinator keep an agent's measurements up to its last interval even if the agent dies
 * before sending its final result.
 */
final class IntervalFeed {
    private final MetricsContext ctx;
    private final long intervalNs;
    private final ConcurrentLinkedQueue<MetricsSnapshot> ready = new ConcurrentLinkedQueue<>();
    private RecordMetricsAccumulator current;
    private long intervalStart = System.nanoTime();

    IntervalFeed(MetricsContext ctx, long intervalNs) {
        this.ctx = ctx;
        this.intervalNs = intervalNs;
        this.current = new RecordMetricsAccumulator(ctx);
    }

    /** On the record-processing thread. */
    void add(RequestRecord r) {
        if (r.phase() != RequestRecord.Phase.PROFILING) return;
        current.add(r);
        long now = System.nanoTime();
        if (now - intervalStart >= intervalNs) {
            ready.add(current.snapshot(false));
            current = new RecordMetricsAccumulator(ctx);
            intervalStart = now;
        }
    }

    /** On the socket thread: the intervals completed since the last call. */
    List<MetricsSnapshot> drain() {
        List<MetricsSnapshot> out = new ArrayList<>();
        for (MetricsSnapshot s; (s = ready.poll()) != null; ) out.add(s);
        return out;
    }

}
