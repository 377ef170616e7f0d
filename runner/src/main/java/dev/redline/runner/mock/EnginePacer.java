package dev.redline.runner.mock;

import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineSimulator;
import dev.redline.runner.mock.engine.RequestTiming;
import dev.redline.runner.mock.engine.SimRequest;
import dev.redline.runner.mock.engine.Step;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * {@code --engine sim}: tokens are due when the {@link EngineSimulator} says. The simulator's virtual clock is
 * {@link System#nanoTime()}: a request arrives at the time its headers were read, a step runs from the end of the
 * previous one, and its tokens are written when a timer fires at the step's end. Work per step is one timer and one
 * task per event loop that has due tokens, never a timer per token, so the mock keeps up at thousands of
 * requests/s on two cores; when a timer fires late the virtual clock does not slip (the next step still starts at the
 * previous one's end), so lateness never accumulates. The simulator runs on one Vert.x context; requests reach it
 * through lock-free queues.
 */
final class EnginePacer implements TokenPacer {
    private static final long[] NO_BLOCKS = new long[0];

    private final Vertx vertx;
    private final Context engineContext;
    private final EngineConfig config;
    private final EngineSimulator sim;
    private final MockMetrics metrics;
    private final PromptBlocks blocks;
    private final ConcurrentLinkedQueue<Stream> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Stream> cancels = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final AtomicLong busyWorkNanos = new AtomicLong();
    private final Map<Long, Stream> streams = new HashMap<>(); // engine context only
    private final Events events = new Events();
    private Map<Context, Delivery> outbox = new IdentityHashMap<>();

    EnginePacer(Vertx vertx, EngineConfig config, long seed, MockMetrics metrics) {
        this.vertx = vertx;
        this.engineContext = vertx.getOrCreateContext();
        this.config = config;
        this.sim = new EngineSimulator(config, seed);
        this.metrics = metrics;
        this.blocks = new PromptBlocks(config.blockSize());
        metrics.simulated();
    }

    @Override
    public String refusal(GenerationJob job) {
        return EngineSimulator.rejection(config, Math.max(1, job.promptTokens), job.outputTokens);
    }

    @Override
    public Runnable pace(GenerationJob job, boolean wholeBody, IntConsumer due) {
        Context current = Vertx.currentContext();
        long[] hashes = config.prefixCaching() ? blocks.of(job.promptText) : NO_BLOCKS;
        SimRequest request = new SimRequest(job.request, job.receivedNanos, Math.max(1, job.promptTokens), job.outputTokens, hashes);
        Stream s = new Stream(job, current != null ? current : engineContext, wholeBody, due, request);
        arrivals.add(s);
        wake();
        return () -> {
            if (s.stopped) return;
            s.stopped = true;
            cancels.add(s);
            wake();
        };
    }

    /**
     * Simulated GPU work done so far, ns: each step's duration weighted by how much of it is batch work rather than
     * the fixed per-step cost (0.4 + 0.6 x (step - base) / step), so a GPU decoding one sequence draws less power
     * than one running a full batch. The DCGM simulator follows its rate.
     */
    long busyWorkNanos() {
        return busyWorkNanos.get();
    }

    private void wake() {
        if (idle.compareAndSet(true, false)) engineContext.runOnContext(v -> tick());
    }

    /** On the engine context: takes in new requests and cancellations, runs the next step, delivers it at its end. */
    private void tick() {
        drain();
        if (sim.nextStepNanos() < 0) {
            metrics.kvCacheUsage(sim.kvCacheUsage());
            idle.set(true);
            // a request queued after drain() but before idle was set saw idle == false and did not wake us
            if ((!arrivals.isEmpty() || !cancels.isEmpty()) && idle.compareAndSet(true, false)) {
                engineContext.runOnContext(v -> tick());
            }
            return;
        }
        Step step = sim.advance(events);
        metrics.kvCacheUsage(sim.kvCacheUsage());
        double d = step.durationNanos();
        double base = config.stepBaseMs() * 1e6;
        busyWorkNanos.addAndGet(Math.round(0.4 * d + 0.6 * Math.max(0, d - base)));
        Map<Context, Delivery> due = outbox;
        outbox = new IdentityHashMap<>();
        long delay = step.endNanos() - System.nanoTime();
        if (delay <= 0) {
            engineContext.runOnContext(v -> deliverThenTick(due));
        } else {
            vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> deliverThenTick(due));
        }
    }

    private void deliverThenTick(Map<Context, Delivery> due) {
        for (Map.Entry<Context, Delivery> e : due.entrySet()) e.getKey().runOnContext(e.getValue());
        tick();
    }

    private void drain() {
        for (Stream s; (s = arrivals.poll()) != null; ) {
            streams.put(s.request.id(), s);
            sim.submit(s.request);
            s.model.engineWaiting.incrementAndGet();
        }
        for (Stream s; (s = cancels.poll()) != null; ) {
            if (!sim.cancel(s.request.id())) continue; // already finished
            streams.remove(s.request.id());
            (s.running ? s.model.engineRunning : s.model.engineWaiting).decrementAndGet();
        }
    }

    private Delivery deliveryFor(Context context) {
        return outbox.computeIfAbsent(context, c -> new Delivery());
    }

    /** The simulator's events, on the engine context: gauges, engine-side latencies, tokens to deliver. */
    private final class Events implements EngineSimulator.Listener {
        @Override
        public void token(SimRequest request, int generated, long atNanos) {
            Stream s = streams.get(request.id());
            if (generated == 1) s.firstTokenNanos = atNanos;
            else s.job.interTokenGaps(1, (atNanos - s.lastTokenNanos) / 1e9);
            s.lastTokenNanos = atNanos;
            if (!s.wholeBody || generated == request.outputTokens()) deliveryFor(s.context).add(s, generated);
        }

        @Override
        public void finished(RequestTiming timing) {
            Stream s = streams.remove(timing.id());
            s.model.engineRunning.decrementAndGet();
        }

        @Override
        public void admitted(SimRequest request, long atNanos, int cachedTokens) {
            Stream s = streams.get(request.id());
            s.running = true;
            s.model.engineWaiting.decrementAndGet();
            s.model.engineRunning.incrementAndGet();
            s.model.prefixQueries.add(request.promptTokens());
            s.model.prefixHits.add(cachedTokens);
            if (!s.admittedBefore) {
                s.admittedBefore = true;
                s.model.queueTime.observe(Math.max(0, atNanos - request.arrivalNanos()) / 1e9);
            }
        }

        @Override
        public void preempted(SimRequest request, long atNanos) {
            Stream s = streams.get(request.id());
            s.running = false;
            s.model.engineRunning.decrementAndGet();
            s.model.engineWaiting.incrementAndGet();
            s.model.preemptions.increment();
        }
    }

    /** One request in the engine. {@code stopped} belongs to its own context, the rest to the engine context. */
    private static final class Stream {
        final GenerationJob job;
        final MockMetrics.ModelStats model;
        final Context context;
        final boolean wholeBody;
        final IntConsumer due;
        final SimRequest request;
        boolean stopped;
        boolean running;
        boolean admittedBefore;
        long firstTokenNanos;
        long lastTokenNanos;

        Stream(GenerationJob job, Context context, boolean wholeBody, IntConsumer due, SimRequest request) {
            this.job = job;
            this.model = job.model();
            this.context = context;
            this.wholeBody = wholeBody;
            this.due = due;
            this.request = request;
        }
    }

    /** The tokens one step made due on one event loop, handed over as one task. */
    private static final class Delivery implements Handler<Void> {
        private Stream[] streams = new Stream[16];
        private int[] counts = new int[16];
        private long[] firsts = new long[16];
        private int size;

        void add(Stream s, int count) {
            if (size == streams.length) {
                streams = java.util.Arrays.copyOf(streams, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
                firsts = java.util.Arrays.copyOf(firsts, size * 2);
            }
            streams[size] = s;
            counts[size] = count;
            firsts[size] = s.firstTokenNanos; // copied here: the engine context owns the field
            size++;
        }

        @Override
        public void handle(Void v) {
            for (int i = 0; i < size; i++) {
                Stream s = streams[i];
                if (s.stopped) continue;
                if (s.job.firstTokenNanos == 0) s.job.firstTokenNanos = firsts[i];
                s.due.accept(counts[i]);
            }
        }
    }
}
