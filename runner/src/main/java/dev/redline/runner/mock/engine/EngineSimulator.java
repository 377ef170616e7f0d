package dev.redline.runner.mock.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A deterministic continuous-batching engine in virtual time (ns), scheduled as vLLM V1 does it:
 * <ol>
 *   <li>A step starts when the previous one ends, or at the next arrival when idle. Requests that arrived by then
 *       join the FCFS waiting queue.</li>
 *   <li>Running sequences first, in admission order: each gets its remaining tokens (1 for a decode; a prompt
 *       chunk, capped by the step's token budget {@code max-num-batched-tokens}). Without chunked prefill a prompt
 *       must fit the budget whole (or run alone). A sequence that needs a KV block when none is free preempts the
 *       most recently admitted one (its KV is freed; it goes back to the head of the queue and is recomputed).</li>
 *   <li>Then, if nothing was preempted, waiting sequences in order while the batch has fewer than
 *       {@code max-num-seqs}, budget is left and the KV cache has room; the prefix cache supplies their leading
 *       prompt blocks. The head of the queue blocks those behind it (FCFS). Without preemption a sequence is admitted
 *       only when the KV for its whole life (prompt + output) is free.</li>
 *   <li>The step lasts {@link EngineConfig#stepMs}; at its end every sequence whose tokens are all computed samples
 *       one token (a prefill's last chunk gives the first token).</li>
 * </ol>
 * The same config, seed and requests (with their arrival times) give the same steps and token times, bit for bit.
 * Not thread-safe: one thread drives it.
 */
public final class EngineSimulator {
    /** Told what happens, in virtual time, while a step is applied. */
    public interface Listener {
        /** Token {@code generated} (1-based) of {@code request} is due at {@code atNanos}. */
        void token(SimRequest request, int generated, long atNanos);

        /** The request produced its last token (called after its last {@link #token}). */
        default void finished(RequestTiming timing) {}

        /** The request entered the running batch (first admission or after a preemption). */
        default void admitted(SimRequest request, long atNanos, int cachedTokens) {}

        /** The request lost its KV and went back to the waiting queue. */
        default void preempted(SimRequest request, long atNanos) {}
    }

    private final EngineConfig config;
    private final long seed;
    private final KvBlockPool pool;
    private final PriorityQueue<Sequence> pending = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.request.arrivalNanos(), b.request.arrivalNanos());
        return c != 0 ? c : Long.compare(a.request.id(), b.request.id());
    });
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final ArrayList<Sequence> running = new ArrayList<>();
    private final ArrayList<Sequence> scheduled = new ArrayList<>();
    private final HashMap<Long, Sequence> byId = new HashMap<>();
    private long now;
    private long steps;
    private long prefixQueryTokens;
    private long prefixHitTokens;
    private long preemptionCount;

    public EngineSimulator(EngineConfig config, long seed) {
        this.config = config.validate();
        this.seed = seed;
        this.pool = new KvBlockPool(config.kvBlocks());
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Why this engine can never serve a request of this size (one line, as vLLM's context-length error), or null.
     * Its prompt plus output must fit the KV cache; {@link #submit} refuses what this refuses.
     */
    public static String rejection(EngineConfig config, int promptTokens, int outputTokens) {
        long need = (long) promptTokens + outputTokens;
        if (need > config.maxSequenceTokens()) {
            return "This model's maximum context length is " + config.maxSequenceTokens() + " tokens (--kv-cache-tokens). However, you requested "
                    + need + " tokens (" + promptTokens + " in the messages, " + outputTokens + " in the completion).";
        }
        return null;
    }

    /** Queues a request; it joins the waiting queue at the first step start at or after its arrival time. */
    public void submit(SimRequest request) {
        String why = rejection(config, request.promptTokens(), request.outputTokens());
        if (why != null) throw new IllegalArgumentException(why);
        if (byId.containsKey(request.id())) throw new IllegalArgumentException("request id " + request.id() + " is already in the engine");
        int promptBlocks = config.prefixCaching()
                ? Math.min(request.blockHashes().length, request.promptTokens() / config.blockSize()) : 0;
        Sequence s = new Sequence(request, promptBlocks);
        byId.put(request.id(), s);
        pending.add(s);
    }

    /** Aborts a request (the client went away): its KV is freed at once. False when it is not in the engine. */
    public boolean cancel(long id) {
        Sequence s = byId.remove(id);
        if (s == null) return false;
        if (!pending.remove(s) && !waiting.remove(s)) {
            running.remove(s);
            release(s);
        }
        return true;
    }

    /** True when nothing is running, waiting or yet to arrive. */
    public boolean idle() {
        return byId.isEmpty();
    }

    /** Virtual time: the end of the last step (0 before the first). */
    public long nowNanos() {
        return now;
    }

    /** Start of the step {@link #advance} would run next, or -1 when idle. */
    public long nextStepNanos() {
        if (!running.isEmpty() || !waiting.isEmpty()) return now;
        return pending.isEmpty() ? -1 : Math.max(now, pending.peek().request.arrivalNanos());
    }

    /** Runs the next step and applies its outcome, telling {@code listener}; null when idle. */
    public Step advance(Listener listener) {
        long start = nextStepNanos();
        if (start < 0) return null;
        while (!pending.isEmpty() && pending.peek().request.arrivalNanos() <= start) waiting.addLast(pending.poll());
        schedule(start, listener);
        if (scheduled.isEmpty()) throw new IllegalStateException("engine stalled: nothing schedulable with " + running.size() + " running");
        int decodeSeqs = 0;
        int prefillTokens = 0;
        long contextTokens = 0;
        for (Sequence s : scheduled) {
            if (s.decode) decodeSeqs++;
            else prefillTokens += s.scheduled;
            contextTokens += s.computed + s.scheduled;
        }
        double ms = config.stepMs(decodeSeqs, prefillTokens, contextTokens);
        if (config.stepJitterMs() > 0) ms += uniform(steps) * config.stepJitterMs();
        long end = start + Math.max(1, Math.round(ms * 1e6));
        now = end;
        int scheduledCount = scheduled.size();
        apply(end, listener);
        return new Step(steps++, start, end, scheduledCount, decodeSeqs, prefillTokens, contextTokens, running.size(), waiting.size() + pending.size());
    }

    private void schedule(long start, Listener listener) {
        scheduled.clear();
        int budget = config.maxNumBatchedTokens();
        boolean preempted = false;
        int i = 0;
        while (i < running.size() && budget > 0) {
            Sequence s = running.get(i);
            int n = tokensToSchedule(s, s.numTokens - s.computed, budget);
            if (n == 0) {
                i++;
                continue;
            }
            int need = blocksFor(s.computed + n) - s.heldBlocks();
            boolean selfPreempted = false;
            while (need > pool.available()) {
                if (!config.preemption()) break; // cannot happen: the whole life was reserved at admission
                Sequence victim = running.get(running.size() - 1);
                preempt(victim, start, listener);
                preempted = true;
                if (victim == s) {
                    selfPreempted = true;
                    break;
                }
            }
            if (selfPreempted) break; // s was the last running sequence
            if (need > pool.available()) {
                i++;
                continue;
            }
            if (need > 0) {
                pool.allocate(need);
                s.privateBlocks += need;
            }
            take(s, n);
            budget -= n;
            i++;
        }
        if (preempted) return; // as vLLM: no new admissions in a step that had to preempt
        while (!waiting.isEmpty() && running.size() < config.maxNumSeqs() && budget > 0) {
            Sequence s = waiting.peekFirst();
            long[] hashes = s.request.blockHashes();
            int hits = config.prefixCaching() ? pool.lookup(hashes, s.shared.length) : 0;
            int computed = Math.min(hits * config.blockSize(), s.numTokens - 1);
            int n = tokensToSchedule(s, s.numTokens - computed, budget);
            if (n == 0) break;
            int lifeTokens = config.preemption() ? computed + n : s.request.promptTokens() + s.request.outputTokens() - 1;
            int need = Math.max(0, blocksFor(lifeTokens) - hits);
            if (need > pool.available() - pool.evictableAmong(hashes, hits)) break;
            waiting.pollFirst();
            pool.acquire(hashes, hits, s.shared);
            s.sharedCount = hits;
            s.computed = computed;
            pool.allocate(need);
            s.privateBlocks = need;
            running.add(s);
            prefixQueryTokens += s.request.promptTokens();
            prefixHitTokens += Math.min(computed, s.request.promptTokens());
            if (s.scheduledNanos < 0) {
                s.scheduledNanos = start;
                s.cachedPromptTokens = computed;
            }
            listener.admitted(s.request, start, computed);
            take(s, n);
            budget -= n;
        }
    }

    /** Tokens to give {@code s} from {@code remaining} with {@code budget} left: chunked, or whole (alone if too big). */
    private int tokensToSchedule(Sequence s, int remaining, int budget) {
        if (config.chunkedPrefill() || remaining <= budget) return Math.min(remaining, budget);
        return scheduled.isEmpty() && budget == config.maxNumBatchedTokens() ? remaining : 0;
    }

    private void take(Sequence s, int n) {
        s.scheduled = n;
        s.decode = n == 1 && s.generated > 0 && s.computed == s.numTokens - 1;
        scheduled.add(s);
    }

    private void apply(long end, Listener listener) {
        boolean anyFinished = false;
        for (Sequence s : scheduled) {
            s.computed += s.scheduled;
            s.scheduled = 0;
            registerFullBlocks(s);
            if (s.computed < s.numTokens) continue;
            s.generated++;
            s.numTokens++;
            if (s.firstTokenNanos < 0) s.firstTokenNanos = end;
            s.lastTokenNanos = end;
            listener.token(s.request, s.generated, end);
            if (s.finished()) {
                anyFinished = true;
                byId.remove(s.request.id());
                release(s);
                listener.finished(s.timing());
            }
        }
        if (anyFinished) running.removeIf(Sequence::finished);
        scheduled.clear();
    }

    /** Caches the prompt blocks this step completed, in order; a block someone else cached first stays private. */
    private void registerFullBlocks(Sequence s) {
        if (!config.prefixCaching()) return;
        int full = Math.min(s.shared.length, s.computed / config.blockSize());
        while (s.sharedCount < full && s.privateBlocks > 0) {
            KvBlockPool.Block b = pool.register(s.request.blockHashes()[s.sharedCount]);
            if (b == null) break;
            s.shared[s.sharedCount++] = b;
            s.privateBlocks--;
        }
    }

    private void preempt(Sequence s, long at, Listener listener) {
        running.remove(running.size() - 1);
        release(s);
        s.computed = 0;
        s.preemptions++;
        preemptionCount++;
        waiting.addFirst(s);
        listener.preempted(s.request, at);
    }

    private void release(Sequence s) {
        for (int i = 0; i < s.sharedCount; i++) {
            pool.release(s.shared[i]);
            s.shared[i] = null;
        }
        s.sharedCount = 0;
        pool.releasePrivate(s.privateBlocks);
        s.privateBlocks = 0;
    }

    private int blocksFor(int tokens) {
        return (tokens + config.blockSize() - 1) / config.blockSize();
    }

    private double uniform(long step) {
        return (BlockHashes.mix(seed * 0x9E3779B97F4A7C15L + step + 1) >>> 11) * 0x1.0p-53;
    }

    /** Sequences in the running batch. */
    public int runningCount() {
        return running.size();
    }

    /** Sequences queued (including preempted ones and requests submitted for a later arrival time). */
    public int waitingCount() {
        return waiting.size() + pending.size();
    }

    /** Fraction 0..1 of KV blocks held by sequences (cached but unused blocks count as free, as vLLM reports). */
    public double kvCacheUsage() {
        return pool.total() == 0 ? 0 : (double) pool.used() / pool.total();
    }

    /** Prompt tokens looked up in the prefix cache (each admission, including after preemption). */
    public long prefixQueryTokens() {
        return prefixQueryTokens;
    }

    /** Of those, tokens found cached. */
    public long prefixHitTokens() {
        return prefixHitTokens;
    }

    public long preemptions() {
        return preemptionCount;
    }

    public long steps() {
        return steps;
    }

    /** The ids of running sequences, in admission order (for tests). */
    List<Long> runningIds() {
        List<Long> ids = new ArrayList<>(running.size());
        for (Sequence s : running) ids.add(s.request.id());
        return ids;
    }
}
