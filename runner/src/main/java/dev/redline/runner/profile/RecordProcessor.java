package dev.redline.runner.profile;

import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.SpecDecodeAcceptance;
import dev.redline.runner.record.Usage;
import dev.redline.runner.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes finished records off the event loops, counts their output tokens (a backlog in parallel), frees
 * their text and hands them to {@code downstream} (metrics, per-record export) on one thread, in completion
 * order. The hand-off is a lock-free queue: a blocking queue's lock would be shared by every event loop.
 * Event loops never wake the worker (an unpark is a futex syscall per record); it polls, sleeping
 * {@link #POLL_NS} when the queue is empty, so a record waits at most that long.
 *
 * <p>Deferred ({@code deferBytes > 0}): load generation never shares its cores with metrics work. Records
 * wait in the queue while their estimated size stays under {@code deferBytes}, and are processed when the
 * processor closes (after the run), as AIPerf's separate record processors lag behind its workers. Past the
 * budget the worker catches up down to half of it, so memory stays bounded whatever the run's length.
 */
public final class RecordProcessor implements RecordSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);
    private static final RequestRecord POISON = new RequestRecord(-1, RequestRecord.Phase.WARMUP);

    private final Tokenizer tokenizer;
    private final boolean useServerTokenCount;
    private final Consumer<RequestRecord> downstream;
    private final ConcurrentLinkedQueue<RequestRecord> queue = new ConcurrentLinkedQueue<>();
    /** How long the worker sleeps when the queue is empty. */
    private static final long POLL_NS = 1_000_000;
    /** Records taken at once when a backlog has built up. */
    private static final int MAX_BATCH = 256;
    /** Smaller batches are counted on the worker alone: fanning out costs more than it saves. */
    private static final int PARALLEL_BATCH = 64;
    /** How long a deferring worker sleeps between looks at the backlog. */
    private static final long DEFER_POLL_NS = 20_000_000;
    private final Thread worker;
    /** Counts a backlog in parallel: the common pool by default, a pool of --record-processors threads when set. */
    private final ForkJoinPool counters;
    private volatile Throwable failure;
    private final long deferBytes;
    private final LongAdder pendingBytes = new LongAdder();
    private volatile boolean draining;
    private long peakPendingBytes;
    private volatile boolean warnedSpecDecode; // racy by design (parallel counting): at worst a second warning
    private boolean catchingUp; // worker thread only

    public RecordProcessor(Tokenizer tokenizer, boolean useServerTokenCount, Consumer<RequestRecord> downstream) {
        this(tokenizer, useServerTokenCount, downstream, null, 0);
    }

    /**
     * @param threads    threads counting tokens (AIPerf's record processors): null = the worker alone, fanning out to
     *                   the common pool under a backlog; 1 = the worker alone; n = a backlog fans out over n threads
     * @param deferBytes the backlog (estimated bytes) records may build up to before they are processed; 0 = at once
     */
    public RecordProcessor(Tokenizer tokenizer, boolean useServerTokenCount, Consumer<RequestRecord> downstream, Integer threads,
                           long deferBytes) {
        this.counters = threads == null ? ForkJoinPool.commonPool() : threads > 1 ? new ForkJoinPool(threads) : null;
        this.tokenizer = tokenizer;
        this.useServerTokenCount = useServerTokenCount;
        this.downstream = downstream;
        this.deferBytes = Math.max(0, deferBytes);
        this.worker = new Thread(this::drain, "redline-records");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Called on an event loop: enqueue only. */
    @Override
    public void accept(RequestRecord record) {
        if (deferBytes > 0) pendingBytes.add(estimatedBytes(record)); // striped: no counter shared by the loops
        queue.offer(record);
    }

    /**
     * A record's heap while it waits, on the generous side: the object, its ids and arrays (~1 KiB with a
     * text builder's initial capacity), 16 bytes per chunk (timestamp and send stamp), and its text (UTF-16 at worst).
     */
    static long estimatedBytes(RequestRecord r) {
        return 1024L + 16L * r.chunkCount() + 2L * (r.outputTextLength() + r.reasoningTextLength());
    }

    /** The largest backlog (estimated bytes) a deferring processor held; 0 when it does not defer. */
    public long peakDeferredBytes() { return peakPendingBytes; }

    private RequestRecord take() throws InterruptedException {
        while (true) {
            if (deferBytes > 0 && !draining && !catchingUp) {
                long pending = pendingBytes.sum();
                peakPendingBytes = Math.max(peakPendingBytes, pending);
                if (pending < deferBytes) { // under budget: leave the cores to the load
                    LockSupport.parkNanos(this, DEFER_POLL_NS);
                    if (Thread.interrupted()) throw new InterruptedException();
                    continue;
                }
                catchingUp = true; // over it: batches until the backlog is down to half the budget
            }
            RequestRecord r = queue.poll();
            if (r != null) return r;
            LockSupport.parkNanos(this, POLL_NS);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }


    private void drain() {
        List<RequestRecord> batch = new ArrayList<>(MAX_BATCH);
        try {
            boolean closing = false;
            while (!closing) {
                batch.add(take());
                RequestRecord more;
                while (batch.size() < MAX_BATCH && (more = queue.poll()) != null) batch.add(more);
                // close() offers POISON after every record it waits for, but requests still completing (a
                // run interrupted mid-phase) can offer more behind it, so it need not end the batch
                int poison = batch.indexOf(POISON);
                if (poison >= 0) {
                    closing = true;
                    batch.remove(poison);
                }
                // Tokenizing is the costly part: a backlog is counted in parallel, then handed on in order.
                if (batch.size() >= PARALLEL_BATCH && counters != null) countInParallel(batch);
                else for (RequestRecord r : batch) countTokens(r);
                long done = 0;
                for (RequestRecord r : batch) {
                    if (deferBytes > 0) done += estimatedBytes(r); // before dropText: the estimate counts the text
                    downstream.accept(r);
                    r.dropText(); // after downstream: a raw export may still read it
                }
                if (done > 0) pendingBytes.add(-done);
                if (catchingUp && pendingBytes.sum() < deferBytes / 2) catchingUp = false;
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void countInParallel(List<RequestRecord> batch) {
        if (counters == ForkJoinPool.commonPool()) {
            batch.parallelStream().forEach(this::countTokens);
            return;
        }
        try {
            counters.submit(() -> batch.parallelStream().forEach(this::countTokens)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("token counting failed", e.getCause());
        }
    }

    /** OSL per AIPerf §1.3: output and reasoning text each concatenated and encoded once (text freed later). */
    void countTokens(RequestRecord r) {
        if (r.specDecodeStats() != null) checkSpecDecode(r);
        Usage usage = r.usage();
        if (useServerTokenCount && usage != null && usage.completionTokens() >= 0) {
            int reasoning = Math.max(usage.reasoningTokens(), 0);
            r.setReasoningTokens(reasoning);
            r.setOutputTokens(usage.completionTokens() - reasoning);
            if (usage.promptTokens() >= 0) r.setInputTokens(usage.promptTokens());
        } else if (!r.isError()) {
            r.setOutputTokens(tokenizer.count(r.outputText()));
            r.setReasoningTokens(tokenizer.count(r.reasoningText()));
        }
    }

    /** vLLM's per-request spec-decode object becomes the record's acceptance; a malformed one is dropped (AIPerf). */
    private void checkSpecDecode(RequestRecord r) {
        SpecDecodeAcceptance.Checked c = SpecDecodeAcceptance.check(r.specDecodeStats());
        r.setSpecDecode(c.acceptance());
        if (c.problem() != null && !warnedSpecDecode) {
            warnedSpecDecode = true; // once per run: a broken server would otherwise log every request
            LOG.warn("ignoring a malformed speculative-decoding object (metrics.speculative_decoding) of request {}: {}; "
                    + "that request gets no spec-decode metrics", r.xRequestId(), c.problem());
        }
    }

    /** Waits until every accepted record has been processed. */
    @Override
    public void close() {
        draining = true; // a deferring worker now processes everything
        queue.offer(POISON);
        LockSupport.unpark(worker);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (counters != null && counters != ForkJoinPool.commonPool()) counters.shutdown();
        if (failure != null) throw new IllegalStateException("record processing failed", failure);
    }
}
