package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.ReadinessProbe;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.record.RecordSink;
import dev.redline.runner.tokenizer.Tokenizer;
import dev.redline.runner.tokenizer.TokenizerLoader;
import io.vertx.core.Vertx;

/**
 * The parts every runner of a benchmark sets up the same way before its first request: tokenizer,
 * dataset, Vert.x, the inference client (pool sized to the highest phase concurrency) and the readiness
 * probe. Shared by a single {@link ProfileRun} and by each runner of a distributed run.
 */
public final class RunPipeline implements AutoCloseable {
    /** Connection pool for open-model phases without a concurrency ceiling (AIPerf's default limit). */
    static final int OPEN_MODEL_POOL = 2500;

    private final BenchmarkSpec spec;
    private final Tokenizer tokenizer;
    private final Dataset dataset;
    private final Vertx vertx;
    /** False when the Vert.x is an experiment's ({@link SharedVertx}): closing the run leaves it running. */
    private final boolean ownsVertx;
    private final ClientConfig config;
    private final InferenceClient client;
    private final RequestFactory factory;
    private final MetricsContext metricsContext;

    private RunPipeline(BenchmarkSpec spec, Tokenizer tokenizer, Dataset dataset, Vertx vertx, boolean ownsVertx,
                        ClientConfig config, InferenceClient client) {
        this.ownsVertx = ownsVertx;
        this.spec = spec;
        this.tokenizer = tokenizer;
        this.dataset = dataset;
        this.vertx = vertx;
        this.config = config;
        this.client = client;
        this.factory = RequestFactory.forConfig(config);
        this.metricsContext = new MetricsContext(config.endpointType(), config.streaming(),
                spec.getGoodput(), spec.endpoint().isUseServerTokenCount());
    }

    /** Whether the dataset carries media (synthetic or from a file): large payloads, worth encoding before the run. */
    private static boolean hasMedia(Dataset dataset) {
        for (var c : dataset.conversations()) {
            if (!c.turns().get(0).media().isEmpty()) return true;
        }
        return false;
    }

    /** Loads tokenizer and dataset, opens the client and probes the server; BadInputException when it is not ready. */
    public static RunPipeline open(BenchmarkSpec spec, RunLog log) throws InterruptedException {
        return open(spec, log, null);
    }

    /**
     * As {@link #open(BenchmarkSpec, RunLog)}, probing for up to {@code readinessDeadline} (null: the probe's
     * default). Agents of a distributed run wait longer: the coordinator has already found the server up.
     */
    public static RunPipeline open(BenchmarkSpec spec, RunLog log, java.time.Duration readinessDeadline) throws InterruptedException {
        return open(spec, log, readinessDeadline, TokenizerLoader::forSpec);
    }

    /** As above with the tokenizer from {@code tokenizers} (a cache shared by the runs of an experiment). */
    public static RunPipeline open(BenchmarkSpec spec, RunLog log, java.time.Duration readinessDeadline,
                                   java.util.function.Function<BenchmarkSpec, Tokenizer> tokenizers) throws InterruptedException {
        return open(spec, log, readinessDeadline, tokenizers, null, null);
    }

    /**
     * As above on {@code shared}'s Vert.x (an experiment's runs share it; null: this pipeline's own, closed with it),
     * probing only the URLs that {@code recent} (null: none) has not seen answer a moment ago.
     */
    public static RunPipeline open(BenchmarkSpec spec, RunLog log, java.time.Duration readinessDeadline,
                                   java.util.function.Function<BenchmarkSpec, Tokenizer> tokenizers,
                                   SharedVertx shared, RecentAnswers recent) throws InterruptedException {
        log.info("Loading tokenizer " + TokenizerLoader.nameFor(spec));
        Tokenizer tokenizer = tokenizers.apply(spec);
        long buildStart = System.nanoTime();
        Dataset dataset = DatasetFactory.build(spec, tokenizer);
        log.info(String.format(java.util.Locale.ROOT, "Dataset ready: %d entries in %.1f s", dataset.conversations().size(),
                (System.nanoTime() - buildStart) / 1e9));
        int maxInFlight = LoadRunner.maxInFlight(spec.phases(), OPEN_MODEL_POOL);
        int cores = Runtime.getRuntime().availableProcessors();
        Integer workers = spec.getRuntime() == null ? null : spec.getRuntime().getWorkers();
        // AIPerf's workers are processes sending requests; Redline's are the client's event loops (--workers-max)
        int eventLoops = workers != null ? workers : Math.max(1, Math.min(8, cores));
        int pool = Math.max(cores, eventLoops);
        Vertx vertx = shared == null ? SharedVertx.create(pool) : shared.get(pool);
        ClientConfig config = ClientConfig.from(spec, maxInFlight);
        InferenceClient client = new InferenceClient(vertx, config, eventLoops);
        RunPipeline pipeline = new RunPipeline(spec, tokenizer, dataset, vertx, shared == null, config, client);
        try {
            for (int u = 0; u < config.urls().size(); u++) {
                if (recent != null && recent.fresh(config.urls().get(u), System.nanoTime())) continue;
                ClientConfig target = config.forUrl(u);
                ReadinessProbe probe = readinessDeadline == null ? new ReadinessProbe(vertx, target)
                        : new ReadinessProbe(vertx, target, readinessDeadline, java.time.Duration.ofMillis(250));
                String problem = probe.problem();
                // Ctrl-C during the probe stops it with a "cannot connect": that is the interrupt, not a server problem
                if (Thread.interrupted()) throw new InterruptedException("interrupted while probing the server");
                if (problem != null) throw new BadInputException(problem);
            }
            pipeline.awaitModel(log);
            if (hasMedia(dataset)) {
                long encodeStart = System.nanoTime();
                int bodies = pipeline.factory.prepare(dataset.conversations(), spec.getModels());
                log.info(String.format(java.util.Locale.ROOT, "Request bodies encoded before the run: %d in %.1f s", bodies,
                        (System.nanoTime() - encodeStart) / 1e9));
            }
        } catch (RuntimeException | InterruptedException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    /** A Benchmark is often applied together with its model server (GitOps): a runner pod waits this long for it. */
    public static final java.time.Duration POD_SERVER_WAIT = java.time.Duration.ofMinutes(2);

    /** A runner pod's wait for the server: endpoint.waitForModelTimeout when the spec sets one, else {@link #POD_SERVER_WAIT}. */
    public static java.time.Duration podServerWait(BenchmarkSpec spec) {
        Double seconds = spec.endpoint().getWaitForModelTimeout();
        return seconds != null && seconds > 0 ? java.time.Duration.ofMillis((long) (seconds * 1000)) : POD_SERVER_WAIT;
    }

    /** --wait-for-model-timeout: every server answers (per --wait-for-model-mode) before the first request. */
    private void awaitModel(RunLog log) {
        var ep = spec.endpoint();
        Double timeout = ep.getWaitForModelTimeout();
        if (timeout == null || timeout <= 0) return;
        String mode = ep.getWaitForModelMode() == null ? "inference" : ep.getWaitForModelMode();
        double interval = ep.getWaitForModelInterval() == null ? 5.0 : ep.getWaitForModelInterval();
        if (config.grpc()) { // the gRPC channel's readiness was awaited by the probe; the modes are HTTP requests
            log.info("--wait-for-model-mode " + mode + " checks HTTP servers; the gRPC channel was checked ready instead");
            return;
        }
        dev.redline.runner.dataset.Turn hello = dev.redline.runner.dataset.Turn.ofText("Hello", 1, 1);
        for (int u = 0; u < config.urls().size(); u++) {
            ClientConfig target = config.forUrl(u);
            log.info("Waiting up to " + timeout + " s for the model at " + target.endpointUrl() + " (" + mode + ")");
            try {
                String problem = new dev.redline.runner.client.ServerControl(vertx, target).awaitModel(mode,
                        factory.build(hello, spec.getModels().get(0)), java.time.Duration.ofMillis((long) (timeout * 1000)),
                        java.time.Duration.ofMillis((long) (interval * 1000)));
                if (problem != null) throw new BadInputException(problem);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BadInputException("interrupted while waiting for the model at " + target.endpointUrl());
            }
        }
    }

    /** A load runner over this pipeline's client and dataset; {@code seed} drives arrivals and sampling. */
    public LoadRunner loadRunner(long seed, RecordSink sink) {
        return LoadRunner.forSpec(vertx, client, factory, dataset, spec, seed, sink, tokenizer);
    }

    /** A record processor that counts output tokens with this run's tokenizer, as records arrive. */
    public RecordProcessor processor(java.util.function.Consumer<dev.redline.runner.record.RequestRecord> downstream) {
        return processor(downstream, false);
    }

    /**
     * As {@link #processor(java.util.function.Consumer)}; {@code deferred}: records wait until the run ends (or
     * the backlog reaches {@link #deferralBudgetBytes()}), so metrics work never takes the load's cores.
     */
    public RecordProcessor processor(java.util.function.Consumer<dev.redline.runner.record.RequestRecord> downstream,
                                     boolean deferred) {
        Integer threads = spec.getRuntime() == null ? null : spec.getRuntime().getRecordProcessors();
        return new RecordProcessor(tokenizer, spec.endpoint().isUseServerTokenCount(), downstream, threads,
                deferred ? deferralBudgetBytes() : 0);
    }

    /** An eighth of the heap, at most 512 MiB: what records may hold while they wait. */
    static long deferralBudgetBytes() {
        return Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    public Dataset dataset() { return dataset; }

    public Vertx vertx() { return vertx; }

    public ClientConfig config() { return config; }

    public RequestFactory factory() { return factory; }

    public MetricsContext metricsContext() { return metricsContext; }

    @Override
    public void close() {
        boolean interrupted = Thread.interrupted(); // a pending Ctrl-C must not cut closing short; it is kept
        try {
            client.close();
        } finally {
            try {
                if (ownsVertx) vertx.close().await();
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }
    }
}
