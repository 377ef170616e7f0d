package dev.redline.runner.profile;

import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.record.Usage;
import dev.redline.runner.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Takes finished records off the event loops, counts their output tokens (a backlog in parallel), frees
 * their text and hands them to {@code downstream} (metrics, per-record export) on one thread, in completion
 * order. The hand-off is a lock-free queue: a blocking queue's lock would be shared by every event loop.
 * Event loops never wake the worker (an unpark is a futex syscall per record); it polls, sleeping
 * {@link #POLL_NS} when the queue is empty, so a record waits at most that long.
 */
public final class RecordProcessor implements RecordSink, AutoCloseable {
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
    private final Thread worker;
    /** Counts a backlog in parallel: the common pool by default, a pool of --record-processors threads when set. */
    private final ForkJoinPool counters;
    private volatile Throwable failure;

    public RecordProcessor(Tokenizer tokenizer, boolean useServerTokenCount, Consumer<RequestRecord> downstream) {
        this(tokenizer, useServerTokenCount, downstream, null);
    }

    /**
     * @param threads threads counting tokens (AIPerf's record processors): null = the worker alone, fanning out to
     *                the common pool under a backlog; 1 = the worker alone; n = a backlog fans out over n threads
     */
    public RecordProcessor(Tokenizer tokenizer, boolean useServerTokenCount, Consumer<RequestRecord> downstream, Integer threads) {
        this.counters = threads == null ? ForkJoinPool.commonPool() : threads > 1 ? new ForkJoinPool(threads) : null;
        this.tokenizer = tokenizer;
        this.useServerTokenCount = useServerTokenCount;
        this.downstream = downstream;
        this.worker = new Thread(this::drain, "redline-records");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Called on an event loop: enqueue only. */
    @Override
    public void accept(RequestRecord record) {
        queue.offer(record);
    }

    private RequestRecord take() throws InterruptedException {
        while (true) {
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
                for (RequestRecord r : batch) {
                    downstream.accept(r);
                    r.dropText(); // after downstream: a raw export may still read it
                }
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

    /** Waits until every accepted record has been processed. */
    @Override
    public void close() {
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
