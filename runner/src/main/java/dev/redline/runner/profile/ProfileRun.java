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
import dev.redline.runner.load.ClientSaturation;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.load.PhaseOutcome;
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
    /** Connection pool for open-model phases without a concurrency ceiling (AIPerf's default limit). */
    private static final int OPEN_MODEL_POOL = 2500;
    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), after its partial results were written. */
    public static final int INTERRUPTED_EXIT = 130;

    private final BenchmarkSpec spec;
    private final RunOptions options;
    private final PrintStream out;
    private final java.util.List<PhaseOutcome> outcomes = new java.util.ArrayList<>();
    private ClientSaturation saturation;

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
        try (InterruptOnShutdown ctrlC = new InterruptOnShutdown(Thread.currentThread())) {
            if (mock != null) pointAt(mock);
            return runAgainstServer();
        } finally {
            if (mock != null) {
                Thread.interrupted(); // Ctrl-C was handled by the run; closing must still wait
                mock.close();
            }
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
        boolean interrupted = false;
        log.info("Loading tokenizer " + TokenizerLoader.nameFor(spec));
        Tokenizer tokenizer = TokenizerLoader.forSpec(spec);
        Dataset dataset = DatasetFactory.build(spec, tokenizer);
        log.info("Dataset ready: " + dataset.conversations().size() + " entries");

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        ClientConfig config = ClientConfig.from(spec, LoadRunner.maxInFlight(spec.phases(), OPEN_MODEL_POOL));
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
                interrupted = measure(layout, tokenizer, metricsContext, profiling, telemetry, log,
                        new Observers(slices, live),
                        sink -> LoadRunner.forSpec(vertx, client, factory, dataset, spec, sink));
                live.finish();
                BenchmarkResults results = profiling.results();
                writeExports(layout, results, new RunInfo(RedlineVersion.version(), UUID.randomUUID().toString(),
                        start, Instant.now(), interrupted));
                out.println(new ConsoleTableRenderer(options.showTraceTiming()).render(results));
                if (saturation != null && saturation.saturated()) {
                    out.println("WARNING: the client itself was saturated; latencies include client queueing: "
                            + String.join("; ", saturation.reasons()));
                }
                telemetry.finish(layout.dir(), results, profilingConcurrency(), out);
                slices.write(layout.dir(), layout.prefix(), telemetry.session(), InputConfig.redacted(spec));
            }
            out.println("Results: " + layout.dir().toAbsolutePath());
            log.info("Wrote " + layout.summaryJson() + " and " + layout.summaryCsv());
            return interrupted ? INTERRUPTED_EXIT : 0;
        } catch (InterruptedException e) {
            log.warn("Interrupted before the first request: nothing was measured, nothing to write");
            return INTERRUPTED_EXIT;
        } finally {
            Thread.interrupted(); // a Ctrl-C already handled above must not abort closing the client
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
                // handled here: stop sending, keep what was measured; the flag is cleared (the load runner
                // may have re-set it) so that draining the records and writing the exports can still block
                Thread.interrupted();
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
            // Ctrl-C may have landed in a step that swallowed the interrupt (a probe, a scrape)
            if (InterruptOnShutdown.inProgress()) throw new InterruptedException("shutting down");
            boolean profilingPhase = phase.resolvedKind() == PhaseKind.PROFILING;
            telemetry.beforePhase(phase, profilingPhase && !profilingStarted);
            extra.live().phaseStarting(phase.resolvedName());
            if (profilingPhase) extra.slices().profilingStarting(System.nanoTime());
            profilingStarted |= profilingPhase;
            outcomes.add(runner.runPhase(phase));
        }
        telemetry.afterProfiling();
        saturation = runner.clientSaturation();
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
        String json = new SummaryJsonWriter().toJson(results, info, inputConfig);
        Files.writeString(layout.summaryJson(), RunFacts.addTo(json, outcomes, saturation), StandardCharsets.UTF_8);
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
}
