package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.InputsJsonWriter;
import dev.redline.runner.client.ReadinessProbe;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.cli.RedlineVersion;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.DatasetFactory;
import dev.redline.runner.export.ConsoleTableRenderer;
import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.export.RunInfo;
import dev.redline.runner.export.SummaryCsvWriter;
import dev.redline.runner.export.SummaryJsonWriter;
import dev.redline.runner.live.LiveRun;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.timeslice.TimeSliceStage;
import dev.redline.runner.tokenizer.Tokenizer;
import dev.redline.runner.tokenizer.TokenizerLoader;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code redline profile} run: tokenizer and dataset, readiness probe, phases, record processing,
 * metrics and exports. Partial results are written even when the run is interrupted.
 */
public final class ProfileRun {
    private final BenchmarkSpec spec;
    private final RunOptions options;
    private final PrintStream out;

    public ProfileRun(BenchmarkSpec spec, RunOptions options) {
        this(spec, options, System.out);
    }

    public ProfileRun(BenchmarkSpec spec, RunOptions options, PrintStream out) {
        this.spec = spec;
        this.options = options;
        this.out = out;
    }

    /** Runs and returns the process exit code (0: results written; errors in records do not fail the run). */
    public int run() {
        MockServer mock = options.embeddedMock() ? MockServer.start(new MockServerOptions().port(0).dcgmPort(0)) : null;
        try {
            if (mock != null) pointAt(mock);
            return runAgainstServer();
        } finally {
            if (mock != null) mock.close();
        }
    }

    /** The embedded mock replaces the URL, and its simulated DCGM exporter stands in for the GPUs. */
    private void pointAt(MockServer mock) {
        spec.endpoint().setUrl(mock.baseUrl());
        var telemetry = spec.telemetry();
        if (telemetry.getGpuTelemetryUrls() == null && !Boolean.FALSE.equals(telemetry.getGpuTelemetry())) {
            telemetry.setGpuTelemetry(true);
            telemetry.setGpuTelemetryUrls(java.util.List.of(mock.dcgmBaseUrl() + "/metrics"));
        }
    }

    private int runAgainstServer() {
        ArtifactLayout layout = ArtifactLayout.create(spec);
        try (RunLog log = new RunLog(layout.logFile(), options.logLevel(), System.err)) {
            return execute(layout, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int execute(ArtifactLayout layout, RunLog log) throws IOException {
        Instant start = Instant.now();
        log.info("Loading tokenizer " + TokenizerLoader.nameFor(spec));
        Tokenizer tokenizer = TokenizerLoader.forSpec(spec);
        Dataset dataset = DatasetFactory.build(spec, tokenizer);
        log.info("Dataset ready: " + dataset.conversations().size() + " entries");

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        ClientConfig config = ClientConfig.from(spec, PoolSizing.maxInFlight(spec.phases()));
        try (InferenceClient client = new InferenceClient(vertx, config)) {
            String problem = new ReadinessProbe(vertx, config).problem();
            if (problem != null) throw new BadInputException(problem);
            RequestFactory factory = RequestFactory.forConfig(config);
            if (!summaryOnly()) InputsJsonWriter.write(layout.inputsJson(), dataset, factory, spec.getModels());
            MetricsContext metricsContext = new MetricsContext(config.endpointType(), config.streaming(),
                    spec.getGoodput(), spec.endpoint().isUseServerTokenCount());
            RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(metricsContext);
            TimeSliceStage slices = TimeSliceStage.forSpec(spec, metricsContext);
            log.info("Benchmarking " + config.endpointUrl() + " (" + String.join(",", spec.getModels()) + ")");
            try (TelemetryStage telemetry = TelemetryStage.start(spec, config.baseUrl(), log);
                 LiveRun live = LiveRun.start(options.metricsPort(), "dashboard".equals(options.uiType()))) {
                if (live.port() >= 0) log.info("Live metrics at http://localhost:" + live.port() + "/metrics");
                boolean interrupted = measure(layout, tokenizer, metricsContext, profiling, telemetry, log,
                        new Observers(slices, live),
                        sink -> new LoadRunner(vertx, client, factory, dataset, spec.getModels(),
                                spec.getModelSelectionStrategy(), seed(), sink));
                live.finish();
                BenchmarkResults results = profiling.results();
                writeExports(layout, results, new RunInfo(RedlineVersion.version(), UUID.randomUUID().toString(),
                        start, Instant.now(), interrupted));
                out.println(new ConsoleTableRenderer(options.showTraceTiming()).render(results));
                telemetry.finish(layout.dir(), results, profilingConcurrency(), out);
                slices.write(layout.dir(), layout.prefix(), telemetry.session(), InputConfig.redacted(spec));
            }
            out.println("Results: " + layout.dir().toAbsolutePath());
            log.info("Wrote " + layout.summaryJson() + " and " + layout.summaryCsv());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the run started", e);
        } finally {
            vertx.close().await();
        }
    }

    /**
     * Runs the phases with records flowing through token counting into the metrics and the JSONL export.
     * Returns true when interrupted (the results collected so far are still complete and exported).
     */
    private boolean measure(ArtifactLayout layout, Tokenizer tokenizer, MetricsContext metricsContext,
                            RecordMetricsAccumulator profiling, TelemetryStage telemetry, RunLog log, Observers extra,
                            java.util.function.Function<RecordProcessor, LoadRunner> runnerFor) throws IOException {
        RecordJsonlWriter jsonl = summaryOnly() ? null
                : new RecordJsonlWriter(layout.recordsJsonl(), new RecordMetricsView(metricsContext), 0);
        try (RecordProcessor processor = new RecordProcessor(tokenizer, spec.endpoint().isUseServerTokenCount(),
                r -> {
                    route(r, profiling, jsonl);
                    extra.slices().add(r);
                    extra.live().record(r);
                })) {
            LoadRunner runner = runnerFor.apply(processor);
            extra.live().attach(runner.progress());
            try (AutoCloseable progress = progress(runner, extra.live())) {
                runPhases(runner, telemetry, extra);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Interrupted: writing the results collected so far");
                return true;
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e); // progress display close
            }
        } finally {
            if (jsonl != null) jsonl.close();
        }
    }

    /** Record observers beside the metrics: time slices and live metrics (each a no-op when off). */
    private record Observers(TimeSliceStage slices, LiveRun live) { }

    private void runPhases(LoadRunner runner, TelemetryStage telemetry, Observers extra) throws InterruptedException {
        boolean profilingStarted = false;
        for (PhaseSpec phase : spec.phases()) {
            boolean profilingPhase = phase.resolvedKind() == PhaseKind.PROFILING;
            telemetry.beforePhase(phase, profilingPhase && !profilingStarted);
            extra.live().phaseStarting(phase.resolvedName());
            if (profilingPhase) extra.slices().profilingStarting(System.nanoTime());
            profilingStarted |= profilingPhase;
            runner.runPhase(phase);
        }
        telemetry.afterProfiling();
    }

    private Integer profilingConcurrency() {
        return spec.phases().stream().filter(p -> p.resolvedKind() == PhaseKind.PROFILING)
                .map(PhaseSpec::getConcurrency).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static void route(RequestRecord r, RecordMetricsAccumulator profiling, RecordJsonlWriter jsonl) {
        if (r.phase() == RequestRecord.Phase.PROFILING) profiling.add(r);
        if (jsonl != null) {
            try {
                jsonl.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void writeExports(ArtifactLayout layout, BenchmarkResults results, RunInfo info) throws IOException {
        JsonNode inputConfig = InputConfig.redacted(spec);
        Files.writeString(layout.summaryJson(), new SummaryJsonWriter().toJson(results, info, inputConfig), StandardCharsets.UTF_8);
        Files.writeString(layout.summaryCsv(), new SummaryCsvWriter().toCsv(results), StandardCharsets.UTF_8);
    }

    /** The dashboard on stdout, a progress bar on stderr, or null (try-with-resources accepts null) when the UI is off. */
    private AutoCloseable progress(LoadRunner runner, LiveRun live) {
        if ("dashboard".equals(options.uiType())) return live.dashboard(out);
        if (!"simple".equals(options.uiType())) return null;
        return new ProgressBar(new LoadProgressSource(runner.progress()), System.err);
    }

    private boolean summaryOnly() {
        return spec.getArtifacts() != null && "summary".equals(spec.getArtifacts().resolvedExportLevel());
    }

    private long seed() {
        return spec.getRandomSeed() == null ? System.nanoTime() : spec.getRandomSeed();
    }

    /** Pool size: the highest concurrency of any phase; open-model phases without a ceiling get AIPerf's 2500. */
    static final class PoolSizing {
        static int maxInFlight(java.util.List<PhaseSpec> phases) {
            int max = 1;
            for (PhaseSpec p : phases) {
                if (p.getConcurrency() != null) max = Math.max(max, p.getConcurrency());
                else if (p.resolvedType().isOpenModel() || p.getRate() != null) max = Math.max(max, 2500);
            }
            return max;
        }
    }
}
