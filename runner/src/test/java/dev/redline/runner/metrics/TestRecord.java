package dev.redline.runner.metrics;

import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.Usage;

import java.util.concurrent.atomic.AtomicLong;

/** Builds RequestRecords by hand, the way the client fills them, with times given in milliseconds. */
public final class TestRecord {
    /** Epoch ns of perf time 0, so wall = WALL0 + perf. */
    public static final long WALL0 = 1_764_000_000_000_000_000L;
    private static final AtomicLong INDEX = new AtomicLong();

    private final RequestRecord r;
    private boolean ended;

    private TestRecord(RequestRecord.Phase phase, double startMs) {
        r = new RequestRecord(INDEX.getAndIncrement(), phase);
        r.markStart(ns(startMs), WALL0 + ns(startMs));
        r.setInputTokens(0);
    }

    public static long ns(double ms) { return Math.round(ms * 1_000_000.0); }

    /** A profiling record sent at {@code startMs}. */
    public static TestRecord startAt(double startMs) { return new TestRecord(RequestRecord.Phase.PROFILING, startMs); }

    public static TestRecord warmupAt(double startMs) { return new TestRecord(RequestRecord.Phase.WARMUP, startMs); }

    /** A content chunk (non-reasoning text) at {@code ms}. */
    public TestRecord chunk(double ms) {
        r.addContentChunk(ns(ms), "tok", null);
        return this;
    }

    /** Content chunks at each given time. */
    public TestRecord chunks(double... ms) {
        for (double m : ms) chunk(m);
        return this;
    }

    /** A reasoning-only chunk at {@code ms}. */
    public TestRecord reasoningChunk(double ms) {
        r.addContentChunk(ns(ms), null, "think");
        return this;
    }

    public TestRecord ack(double ms) {
        r.markAck(ns(ms));
        return this;
    }

    public TestRecord end(double ms) {
        r.markEnd(ns(ms));
        ended = true;
        return this;
    }

    /** Input, output and reasoning token counts, as record processing sets them. */
    public TestRecord tokens(int isl, int out, int reasoning) {
        r.setInputTokens(isl);
        r.setOutputTokens(out);
        r.setReasoningTokens(reasoning);
        return this;
    }

    public TestRecord usage(int prompt, int completion, int total, int reasoning) {
        r.setUsage(new Usage(prompt, completion, total, reasoning, -1));
        return this;
    }

    public TestRecord maxTokens(int n) {
        r.setRequestedMaxTokens(n);
        return this;
    }

    public TestRecord intendedAt(double ms) {
        r.setIntendedSendPerfNs(ns(ms));
        return this;
    }

    public TestRecord fail(int code, String type, String message) {
        r.fail(new ErrorInfo(code, type, message));
        return this;
    }

    public TestRecord cancelAt(double ms) {
        r.cancel(ns(ms));
        return end(ms);
    }

    public TestRecord late() {
        r.setLateForGrace(true);
        return this;
    }

    public RequestRecord build() {
        if (!ended) r.markEnd(r.chunkCount() > 0 ? r.lastChunkPerfNs() : r.startPerfNs());
        r.setHttpStatus(r.error() == null ? 200 : r.error().code());
        return r;
    }
}
