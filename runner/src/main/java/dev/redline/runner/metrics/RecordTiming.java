package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

/** The base timings of a record in ns (AIPerf §1.1), shared by the metrics that build on them. */
public final class RecordTiming {
    private RecordTiming() {}

    /** First content chunk minus start. */
    public static long ttftNs(RequestRecord r) { return r.firstChunkPerfNs() - r.startPerfNs(); }

    /** Last content chunk minus start (not end of stream). */
    public static long latencyNs(RequestRecord r) { return r.lastChunkPerfNs() - r.startPerfNs(); }

    /** Request latency minus TTFT. */
    public static long decodeNs(RequestRecord r) { return r.lastChunkPerfNs() - r.firstChunkPerfNs(); }

    /** Wall-clock (epoch ns) estimate of a perf reading of this record. */
    public static long toWallNs(RequestRecord r, long perfNs) { return r.startWallNs() + (perfNs - r.startPerfNs()); }
}
