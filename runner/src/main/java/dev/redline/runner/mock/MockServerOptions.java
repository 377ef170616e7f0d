package dev.redline.runner.mock;

import dev.redline.runner.mock.fault.FaultPlan;
import dev.redline.runner.mock.fault.FaultSpec;
import dev.redline.runner.mock.engine.EngineConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Settings of a {@link MockServer}. Fluent: each setter returns {@code this}; getters share the setter's name.
 * Values are checked by {@link #validate()} (called by {@link MockServer#start}); new fields get a default here,
 * so existing callers keep working.
 */
public final class MockServerOptions {
    /** Output length when a request gives neither {@code max_completion_tokens} nor {@code max_tokens}. */
    public static final int DEFAULT_OUTPUT_TOKENS = 16;

    private String host = "127.0.0.1";
    private int port = 0;
    private double ttftMs = 20;
    private double itlMs = 5;
    private double jitterMs = 0;
    private double errorRate = 0;
    private int reasoningTokens = 0;
    private long randomSeed = 0;
    private int defaultOutputTokens = DEFAULT_OUTPUT_TOKENS;
    private int embeddingDims = 768;
    private List<String> models = List.of("mock-model");
    private ToIntFunction<String> promptTokenCounter;
    private int eventLoops = Runtime.getRuntime().availableProcessors();
    private final List<MockRoutes> extraRoutes = new ArrayList<>();
    private Integer dcgmPort;
    private Integer grpcPort;
    private List<FaultSpec> faults = List.of();
    private EngineConfig engine;
    private int specDecodeDraftTokens = 0;
    private double specDecodeAcceptance = 0.7;

    public String host() { return host; }
    public MockServerOptions host(String host) { this.host = host; return this; }

    /** 0 picks a free ephemeral port; {@link MockServer#port()} tells which. */
    public int port() { return port; }
    public MockServerOptions port(int port) { this.port = port; return this; }

    /** Time from request received to the first token event. */
    public double ttftMs() { return ttftMs; }
    public MockServerOptions ttftMs(double ttftMs) { this.ttftMs = ttftMs; return this; }

    /** Time between consecutive token events. */
    public double itlMs() { return itlMs; }
    public MockServerOptions itlMs(double itlMs) { this.itlMs = itlMs; return this; }

    /** Upper bound of a seeded, non-negative uniform delay added to TTFT and to every inter-token gap. */
    public double jitterMs() { return jitterMs; }
    public MockServerOptions jitterMs(double jitterMs) { this.jitterMs = jitterMs; return this; }

    /** Fraction (0..1) of inference requests answered with HTTP 500, decided by the seeded generator. */
    public double errorRate() { return errorRate; }
    public MockServerOptions errorRate(double errorRate) { this.errorRate = errorRate; return this; }

    /** Chat only: the first N generated tokens are {@code reasoning_content} (they count as completion tokens). */
    public int reasoningTokens() { return reasoningTokens; }
    public MockServerOptions reasoningTokens(int reasoningTokens) { this.reasoningTokens = reasoningTokens; return this; }

    public long randomSeed() { return randomSeed; }
    public MockServerOptions randomSeed(long randomSeed) { this.randomSeed = randomSeed; return this; }

    public int defaultOutputTokens() { return defaultOutputTokens; }
    public MockServerOptions defaultOutputTokens(int n) { this.defaultOutputTokens = n; return this; }

    public int embeddingDims() { return embeddingDims; }
    public MockServerOptions embeddingDims(int dims) { this.embeddingDims = dims; return this; }

    /** Served by {@code /v1/models}; the first is used when a request names no model. */
    public List<String> models() { return models; }
    public MockServerOptions models(List<String> models) { this.models = List.copyOf(models); return this; }

    /** Counts {@code usage.prompt_tokens}; null means JTokkit o200k_base. */
    public ToIntFunction<String> promptTokenCounter() { return promptTokenCounter; }
    public MockServerOptions promptTokenCounter(ToIntFunction<String> counter) { this.promptTokenCounter = counter; return this; }

    /** Vert.x event loops (and server instances); default = available processors. */
    public int eventLoops() { return eventLoops; }
    public MockServerOptions eventLoops(int eventLoops) { this.eventLoops = eventLoops; return this; }

    /** Extra endpoints (e.g. a DCGM exporter fake) registered before the server starts listening. */
    /** Port of the simulated DCGM exporter ({@code /metrics}); null = none, 0 = any free port. */
    public Integer dcgmPort() { return dcgmPort; }
    public MockServerOptions dcgmPort(Integer dcgmPort) { this.dcgmPort = dcgmPort; return this; }

    /** Port of the KServe v2 / Triton gRPC service (ModelInfer, ModelStreamInfer); null = none, 0 = any free port. */
    public Integer grpcPort() { return grpcPort; }
    public MockServerOptions grpcPort(Integer grpcPort) { this.grpcPort = grpcPort; return this; }

    /**
     * Faults injected on the wire (docs/mock-server.md), decided per request by {@link #randomSeed()};
     * {@link #errorRate()} adds a {@code 5xx} fault ahead of them.
     */
    public List<FaultSpec> faults() { return faults; }
    public MockServerOptions faults(List<FaultSpec> faults) { this.faults = List.copyOf(faults); return this; }

    /** {@link #faults()} with the legacy {@link #errorRate()} as a leading {@code 5xx} fault. */
    public List<FaultSpec> effectiveFaults() {
        if (errorRate <= 0) return faults;
        List<FaultSpec> all = new ArrayList<>(faults.size() + 1);
        all.add(FaultSpec.of("5xx", Double.toString(errorRate), java.util.Map.of()));
        all.addAll(faults);
        return all;
    }

    /**
     * The simulated continuous-batching engine that decides when tokens are due ({@code --engine sim}); null (the
     * default) is {@code --engine fixed}: {@link #ttftMs}/{@link #itlMs} whatever the load.
     */
    public EngineConfig engine() { return engine; }
    public MockServerOptions engine(EngineConfig engine) { this.engine = engine; return this; }

    /**
     * Chat and completions: each response carries vLLM's per-request {@code metrics.speculative_decoding} object,
     * drafting this many tokens per verify step (k); 0 (the default) sends none.
     */
    public int specDecodeDraftTokens() { return specDecodeDraftTokens; }
    public MockServerOptions specDecodeDraftTokens(int k) { this.specDecodeDraftTokens = k; return this; }

    /** The probability (0..1) that each draft is accepted, given the ones before it were (seeded per request). */
    public double specDecodeAcceptance() { return specDecodeAcceptance; }
    public MockServerOptions specDecodeAcceptance(double p) { this.specDecodeAcceptance = p; return this; }

    public List<MockRoutes> extraRoutes() { return List.copyOf(extraRoutes); }
    public MockServerOptions addRoutes(MockRoutes routes) { this.extraRoutes.add(routes); return this; }

    /** Throws {@link IllegalArgumentException} with a one-line message naming the option and the fix. */
    public void validate() {
        if (host == null || host.isBlank()) throw bad("host", "must not be empty; use e.g. 127.0.0.1");
        if (port < 0 || port > 65535) throw bad("port", "must be 0..65535 (0 = any free port), was " + port);
        if (grpcPort != null && (grpcPort < 0 || grpcPort > 65535)) throw bad("grpcPort", "must be 0..65535 (0 = any free port), was " + grpcPort);
        nonNegative("ttftMs", ttftMs);
        nonNegative("itlMs", itlMs);
        nonNegative("jitterMs", jitterMs);
        if (!(errorRate >= 0 && errorRate <= 1)) throw bad("errorRate", "must be a fraction 0..1 (0.05 = 5%), was " + errorRate);
        if (reasoningTokens < 0) throw bad("reasoningTokens", "must be >= 0, was " + reasoningTokens);
        if (defaultOutputTokens < 1) throw bad("defaultOutputTokens", "must be >= 1, was " + defaultOutputTokens);
        if (embeddingDims < 1) throw bad("embeddingDims", "must be >= 1, was " + embeddingDims);
        if (models == null || models.isEmpty()) throw bad("models", "must name at least one model, e.g. mock-model");
        if (specDecodeDraftTokens < 0 || specDecodeDraftTokens > 64) {
            throw bad("specDecodeDraftTokens", "must be 0..64 (0 = no spec-decode object), was " + specDecodeDraftTokens);
        }
        if (!(specDecodeAcceptance >= 0 && specDecodeAcceptance <= 1)) {
            throw bad("specDecodeAcceptance", "must be a probability 0..1 (0.7 = 70%), was " + specDecodeAcceptance);
        }
        if (eventLoops < 1) throw bad("eventLoops", "must be >= 1, was " + eventLoops);
        try {
            FaultPlan.validate(effectiveFaults());
        } catch (IllegalArgumentException e) {
            throw bad("faults", e.getMessage());
        }
        if (engine != null) engine.validate();
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw bad(name, "must be a finite number of milliseconds >= 0, was " + v);
    }

    private static IllegalArgumentException bad(String name, String fix) {
        return new IllegalArgumentException("mock server option " + name + " " + fix);
    }
}
