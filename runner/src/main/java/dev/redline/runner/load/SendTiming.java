package dev.redline.runner.load;

import dev.redline.runner.record.RequestRecord;

/**
 * Coordinated-omission-aware timing of a record, for metrics and exports. Service-time metrics (TTFT,
 * request latency) start at the actual send; these start at the <em>intended</em> send time, so time a
 * request spent waiting in the client (behind a concurrency ceiling, a busy pacer or event loop) is
 * not hidden.
 */
public final class SendTiming {
    private SendTiming() { }

    /** Actual send minus intended send (>= 0 in practice), ns; 0 when the record has no intended time. */
    public static long sendLagNs(RequestRecord r) {
        if (r.intendedSendPerfNs() == 0 || r.startPerfNs() == 0) return 0;
        return r.startPerfNs() - r.intendedSendPerfNs();
    }

    /** Request latency measured from the intended send time to the last content chunk, ns; -1 without content. */
    public static long effectiveLatencyNs(RequestRecord r) {
        if (r.chunkCount() == 0) return -1;
        long base = r.intendedSendPerfNs() != 0 ? r.intendedSendPerfNs() : r.startPerfNs();
        return r.lastChunkPerfNs() - base;
    }

    /** Time to first token from the intended send time, ns; -1 without content. */
    public static long effectiveTtftNs(RequestRecord r) {
        if (r.chunkCount() == 0) return -1;
        long base = r.intendedSendPerfNs() != 0 ? r.intendedSendPerfNs() : r.startPerfNs();
        return r.firstChunkPerfNs() - base;
    }
}
