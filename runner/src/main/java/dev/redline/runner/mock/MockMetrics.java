package dev.redline.runner.mock;

import dev.redline.runner.mock.fault.FaultKind;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the mock served, per model, in the shape vLLM exposes; rendered by {@link VllmMetricsText}.
 * Lock-free (adders) because every event loop records into it.
 */
public final class MockMetrics {
    /** vLLM's bucket bounds for time to first token (seconds). */
    static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75,
            1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    /** vLLM's bucket bounds for end-to-end request latency (seconds). */
    static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
            50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    /** vLLM's bucket bounds for inter-token latency (seconds). */
    static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0};

    /** Control endpoints the mock serves (KV-cache reset, profiler start/stop), counted by {@link #controlCalls}. */
    public static final java.util.List<String> CONTROL_PATHS = java.util.List.of("/reset_prefix_cache", "/start_profile", "/stop_profile");
    private final java.util.Map<String, LongAdder> controls = new java.util.concurrent.ConcurrentHashMap<>();

    void controlCalled(String path) {
        controls.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    /** How many POSTs reached a control path. */
    public long controlCalls(String path) {
        LongAdder a = controls.get(path);
        return a == null ? 0 : a.sum();
    }

    /** Counters and histograms of one model name. */
    static final class ModelStats {
        final String model;
        final AtomicInteger running = new AtomicInteger();
        final LongAdder promptTokens = new LongAdder();
        final LongAdder generationTokens = new LongAdder();
        final LongAdder success = new LongAdder();
        final Histogram ttft = new Histogram(TTFT_BUCKETS);
        final Histogram e2e = new Histogram(E2E_BUCKETS);
        final Histogram itl = new Histogram(ITL_BUCKETS);
        /** The simulated engine's view ({@code --engine sim} only): its batch, its queue, its caches. */
        final AtomicInteger engineRunning = new AtomicInteger();
        final AtomicInteger engineWaiting = new AtomicInteger();
        final LongAdder prefixQueries = new LongAdder();
        final LongAdder prefixHits = new LongAdder();
        final LongAdder preemptions = new LongAdder();
        /** Simulated speculative decoding ({@code --spec-decode-draft-tokens}): verify steps, drafts, accepted drafts. */
        final LongAdder specDrafts = new LongAdder();
        final LongAdder specDraftTokens = new LongAdder();
        final LongAdder specAcceptedTokens = new LongAdder();
        final Histogram queueTime = new Histogram(E2E_BUCKETS);

        ModelStats(String model) {
            this.model = model;
        }
    }

    /** A Prometheus histogram: per-bucket counts (made cumulative when rendered), sum and count. */
    static final class Histogram {
        final double[] bounds;
        final LongAdder[] counts;
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds;
            this.counts = new LongAdder[bounds.length + 1];
            for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
        }

        void observe(double seconds) {
            int i = 0;
            while (i < bounds.length && seconds > bounds[i]) i++;
            counts[i].increment();
            sum.add(seconds);
            count.increment();
        }
    }

    private final ConcurrentHashMap<String, ModelStats> byModel = new ConcurrentHashMap<>();
    private final LongAdder requestsReceived = new LongAdder();
    private final LongAdder requestsCompleted = new LongAdder();
    private final LongAdder[] faultsInjected = new LongAdder[FaultKind.values().length];
    private final LongAdder badRequests = new LongAdder();
    private final LongAdder tokensGenerated = new LongAdder();
    private final LongAdder grpcConnections = new LongAdder();
    private volatile boolean simulated;
    private volatile double kvCacheUsage;

    MockMetrics(List<String> models) {
        for (String m : models) model(m);
        for (int i = 0; i < faultsInjected.length; i++) faultsInjected[i] = new LongAdder();
    }

    ModelStats model(String name) {
        return byModel.computeIfAbsent(name, ModelStats::new);
    }

    Collection<ModelStats> models() {
        return byModel.values();
    }

    /** From now on the running/waiting gauges and the engine series come from the simulated engine. */
    void simulated() { simulated = true; }
    boolean isSimulated() { return simulated; }

    private volatile boolean specDecode;

    /** The server sends spec-decode objects: /metrics gains vLLM's spec-decode counters. */
    void specDecodeOn() { specDecode = true; }
    boolean specDecode() { return specDecode; }

    /** One response's spec-decode object was sent: its steps, proposed and accepted drafts. */
    void specDecodeSent(ModelStats m, long steps, long draftTokens, long acceptedTokens) {
        m.specDrafts.add(steps);
        m.specDraftTokens.add(draftTokens);
        m.specAcceptedTokens.add(acceptedTokens);
    }
    void kvCacheUsage(double fraction) { kvCacheUsage = fraction; }
    /** Simulated engine: fraction 0..1 of KV blocks in use. */
    public double kvCacheUsage() { return kvCacheUsage; }

    void received() { requestsReceived.increment(); }
    void faultInjected(FaultKind kind) { faultsInjected[kind.ordinal()].increment(); }
    void badRequest() { badRequests.increment(); }
    void grpcConnectionOpened() { grpcConnections.increment(); }

    /** HTTP/2 connections clients opened to the gRPC service so far. */
    public long grpcConnections() { return grpcConnections.sum(); }

    void started(ModelStats m, int promptTokens) {
        m.running.incrementAndGet();
        m.promptTokens.add(promptTokens);
    }

    void tokensSent(ModelStats m, int tokens) {
        m.generationTokens.add(tokens);
        tokensGenerated.add(tokens);
    }

    /** One gap between two consecutive tokens of a request. */
    void interToken(ModelStats m, double seconds) {
        m.itl.observe(seconds);
    }

    /** A request ended: {@code ttftSeconds} < 0 when no token was produced (embeddings, aborted early). */
    void finished(ModelStats m, boolean completed, double ttftSeconds, double e2eSeconds) {
        m.running.decrementAndGet();
        if (ttftSeconds >= 0) m.ttft.observe(ttftSeconds);
        if (completed) {
            m.success.increment();
            m.e2e.observe(e2eSeconds);
            requestsCompleted.increment();
        }
    }

    /** {@code 429=12 stream-cut=3}: the kinds injected so far, or {@code none}. */
    public String faultSummary() {
        StringBuilder b = new StringBuilder();
        for (FaultKind kind : FaultKind.values()) {
            long n = faultsInjected(kind);
            if (n > 0) b.append(b.length() == 0 ? "" : " ").append(kind.wireName()).append('=').append(n);
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    /** Inference requests (chat, completions, embeddings) received, including rejected ones. */
    public long requestsReceived() { return requestsReceived.sum(); }
    /** Inference requests answered in full with HTTP 200. */
    public long requestsCompleted() { return requestsCompleted.sum(); }
    /** Requests answered with an injected HTTP 5xx ({@code --error-rate} and {@code --fault 5xx}). */
    public long errorsInjected() { return faultsInjected(FaultKind.SERVER_ERROR); }
    /** Requests whose response carried a fault of this kind (counted when it reached the wire). */
    public long faultsInjected(FaultKind kind) { return faultsInjected[kind.ordinal()].sum(); }
    /** Requests refused with HTTP 400. */
    public long badRequests() { return badRequests.sum(); }
    /** Output tokens sent (content and reasoning), all models. */
    public long tokensGenerated() { return tokensGenerated.sum(); }
}
