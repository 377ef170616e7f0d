package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InputsJsonWriter;
import dev.redline.runner.cli.RedlineVersion;
import dev.redline.runner.export.ConsoleTableRenderer;
import dev.redline.runner.export.ExportPlugins;
import dev.redline.runner.export.OutputsJsonWriter;
import dev.redline.runner.export.RawRecordWriter;
import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.export.RunInfo;
import dev.redline.runner.export.RunLabels;
import dev.redline.runner.export.SummaryJsonWriter;
import dev.redline.runner.live.LiveRun;
import dev.redline.runner.live.RedrawLoop;
import dev.redline.runner.load.ClientSaturation;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.load.PhaseOutcome;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.mlflow.MlflowUpload;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.otel.OtelExport;
import dev.redline.runner.plot.AutoPlot;
import dev.redline.runner.record.RequestRecord;
import dev.redline.runner.timeslice.TimeSliceStage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One {@code redline profile} run: pipeline (tokenizer, dataset, client, readiness probe), phases driven
 * alone or as the coordinator of several runners, record processing, metrics, telemetry and exports.
 * Partial results are written even when the run is interrupted.
 */
public final class ProfileRun {
    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT), after its partial results were written. */
    public static final int INTERRUPTED_EXIT = 130;
    /** Exit code of a run stopped by --failed-request-threshold, after its partial results were written. */
    public static final int ABORTED_EXIT = 1;

    private final BenchmarkSpec spec;
    private final RunOptions options;
    private final PrintStream out;
    private final PhaseDriver driver;
    private final List<PhaseOutcome> outcomes = new ArrayList<>();
    private ClientSaturation saturation;
    /** Why a phase was stopped early (--failed-request-threshold), or null. */
    private String aborted;
    private RunLabels labels = RunLabels.single(null);
    private java.util.function.Function<BenchmarkSpec, dev.redline.runner.tokenizer.Tokenizer> tokenizers =
            dev.redline.runner.tokenizer.TokenizerLoader::forSpec;
    private SharedVertx sharedVertx;
    private RecentAnswers recentAnswers;
    /** How this run overlaps the runs before and after it in an experiment. */
    private CellOverlap overlap = CellOverlap.NONE;
    private InterruptOnShutdown ctrlC;

    public ProfileRun(BenchmarkSpec spec, RunOptions options) {
        this(spec, options, System.out);
    }

    public ProfileRun(BenchmarkSpec spec, RunOptions options, PrintStream out) {
        this(spec, options, out, PhaseDriver.LOCAL);
    }

    /** A run whose phases are driven by {@code driver} (e.g. the coordinator of a distributed run). */
    public ProfileRun(BenchmarkSpec spec, RunOptions options, PrintStream out, PhaseDriver driver) {
        this.spec = spec;
        this.options = options;
        this.out = out;
        this.driver = driver;
    }

    /** Where this run sits in an experiment ({@code run_info} of the export). */
    public ProfileRun labels(RunLabels labels) {
        this.labels = labels;
        return this;
    }

    /** Where the tokenizer comes from (an experiment shares one cache across its runs). */
    public ProfileRun tokenizers(java.util.function.Function<BenchmarkSpec, dev.redline.runner.tokenizer.Tokenizer> tokenizers) {
        this.tokenizers = tokenizers;
        return this;
    }

    /** The Vert.x instances to run on (an experiment shares them across its runs); null: this run's own. */
    public ProfileRun vertx(SharedVertx shared) {
        this.sharedVertx = shared;
        return this;
    }

    /** Servers that answered the experiment's previous run a moment ago (not probed again); this run adds its own. */
    public ProfileRun recentAnswers(RecentAnswers recent) {
        this.recentAnswers = recent;
        return this;
    }

    /** Lets an experiment overlap this run with its neighbours ({@link CellOverlap} says how). */
    public ProfileRun overlap(CellOverlap overlap) {
        this.overlap = overlap;
        return this;
    }

    /** Runs and returns the process exit code (0: results written; errors in records do not fail the run). */
    public int run() {
        MockServer mock = options.mockServer() == null ? null : MockServer.start(options.mockServer()
                .randomSeed(spec.getRandomSeed() == null ? options.mockServer().randomSeed() : spec.getRandomSeed()));
        try (InterruptOnShutdown ctrlC = new InterruptOnShutdown(Thread.currentThread())) {
            this.ctrlC = ctrlC;
            if (mock != null) pointAt(spec, mock);
            return runAgainstServer(mock);
        } finally {
            if (mock != null) {
                Thread.interrupted(); // Ctrl-C was handled by the run; closing must still wait
                mock.close();
            }
        }
    }

    /** The embedded mock replaces the URL, and its simulated DCGM exporter stands in for the GPUs. */
    public static void pointAt(BenchmarkSpec spec, MockServer mock) {
        spec.endpoint().setUrl(mock.baseUrl());
        var telemetry = spec.telemetry();
        if (telemetry.getGpuTelemetryUrls() == null && !Boolean.FALSE.equals(telemetry.getGpuTelemetry())) {
            telemetry.setGpuTelemetry(true);
            telemetry.setGpuTelemetryUrls(List.of(mock.dcgmBaseUrl() + "/metrics"));
        }
    }

    private int runAgainstServer(MockServer mock) {
        ArtifactLayout layout = ArtifactLayout.create(spec);
        try (RunLog log = new RunLog(layout.logFile(), options.logLevel(), System.err)) {
            int code = execute(layout, log);
            if (mock != null && !mock.faults().isEmpty()) log.info("Mock server injected faults: " + mock.metrics().faultSummary());
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int execute(ArtifactLayout layout, RunLog log) throws IOException {
        Instant start = Instant.now();
        RunPipeline pipeline;
        try {
            pipeline = RunPipeline.open(spec, log, options.serverWait(), tokenizers, sharedVertx, recentAnswers);
        } catch (InterruptedException e) {
            return interruptedBeforeTheFirstRequest(log);
        }
        try {
            ClientConfig config = pipeline.config();
            if (!summaryOnly()) {
                InputsJsonWriter.write(layout.inputsJson(), pipeline.dataset(), pipeline.factory(), spec.getModels());
            }
            MetricsContext metricsContext = pipeline.metricsContext();
            RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(metricsContext);
            TimeSliceStage slices = TimeSliceStage.forSpec(spec, metricsContext);
            RunExtras.startOfRun(spec, options, layout, config, start, log);
            log.info("Benchmarking " + String.join(", ", config.urls()) + " (" + String.join(",", spec.getModels()) + ")");
            UrlCounts urls = new UrlCounts(config.urls());
            OutputsJsonWriter outputs = spec.getArtifacts() != null && Boolean.TRUE.equals(spec.getArtifacts().getExportOutputsJson())
                    ? new OutputsJsonWriter() : null;
            ControlRequests control = new ControlRequests(spec, pipeline.vertx(), config, log);
            boolean interrupted;
            String benchmarkId = UUID.randomUUID().toString();
            try (TelemetryStage telemetry = TelemetryStage.start(spec, config.baseUrl(), log);
                 NetworkLatencyStage network = NetworkLatencyStage.of(spec, config.urls(), layout, log);
                 LiveRun live = LiveRun.start(options.metricsHost(), options.metricsPort(), "dashboard".equals(options.uiType()),
                         options.metricTags());
                 OtelExport otel = otelExport(config, metricsContext, benchmarkId, log)) {
                if (live.port() >= 0) log.info("Live metrics at http://localhost:" + live.port() + "/metrics");
                Observers extra = new Observers(slices, live, urls, outputs, control, otel, network);
                interrupted = measure(layout, pipeline, profiling, telemetry, log, extra);
                live.finish();
                network.applyTo(profiling, slices);
                BenchmarkResults results = profiling.results();
                writeExports(layout, results, new RunInfo(RedlineVersion.version(), benchmarkId,
                        start, Instant.now(), interrupted), extra);
                out.println(new ConsoleTableRenderer(options.showTraceTiming()).render(results));
                if (urls.several()) out.println(urls.console());
                if (saturation != null && saturation.saturated()) {
                    out.println("WARNING: the client itself was saturated; latencies include client queueing: "
                            + String.join("; ", saturation.reasons()));
                }
                telemetry.finish(layout.dir(), results, profilingConcurrency(), out);
                slices.write(layout.dir(), layout.prefix(), telemetry.session(), InputConfig.redacted(spec));
            }
            out.println("Results: " + layout.dir().toAbsolutePath());
            log.info("Wrote " + layout.summaryJson() + " and " + layout.summaryCsv());
            int plotted = AutoPlot.afterRun(spec, layout.dir(), out);
            MlflowUpload.afterRun(spec, layout.dir(), layout.summaryJson(), RedlineVersion.version(), log::info, log::warn); // after the plots: they are artifacts too
            if (aborted != null) return ABORTED_EXIT;
            return interrupted ? INTERRUPTED_EXIT : plotted;
        } finally {
            Thread.interrupted(); // a Ctrl-C already handled above must not abort closing the client
            pipeline.close();
        }
    }

    /** The OpenTelemetry export; a run over several runners (a Benchmark with spec.runners) is not exported yet: one warning. */
    private OtelExport otelExport(ClientConfig config, MetricsContext metricsContext, String benchmarkId, RunLog log) {
        if (driver != PhaseDriver.LOCAL && spec.getOtel() != null && spec.getOtel().getMetricsUrl() != null) {
            log.warn("OpenTelemetry export (otel.metricsUrl) covers single-runner runs only; this run over several runners exports nothing");
            return OtelExport.OFF;
        }
        return OtelExport.start(spec, config, metricsContext, benchmarkId, log);
    }

    private static int interruptedBeforeTheFirstRequest(RunLog log) {
        log.warn("Interrupted before the first request: nothing was measured, nothing to write");
        return INTERRUPTED_EXIT;
    }

    /**
     * Runs the phases with records flowing through token counting into the metrics, the observers and the
     * JSONL export. Returns true when interrupted (the results collected so far are still exported).
     */
    private boolean measure(ArtifactLayout layout, RunPipeline pipeline, RecordMetricsAccumulator profiling,
                            TelemetryStage telemetry, RunLog log, Observers extra) throws IOException {
        RecordJsonlWriter jsonl = summaryOnly() ? null
                : new RecordJsonlWriter(layout.recordsJsonl(), new RecordMetricsView(pipeline.metricsContext()), 0)
                        .includeHttpTrace(spec.getArtifacts() != null && Boolean.TRUE.equals(spec.getArtifacts().getExportHttpTrace()));
        RawRecordWriter raw = rawExport() ? new RawRecordWriter(layout.dir().resolve(RawRecordWriter.FILE_NAME)) : null;
        boolean interrupted = false;
        RecordRouter router = new RecordRouter(profiling, jsonl);
        // with no live view (dashboard, metrics port, OpenTelemetry) nothing needs the records before the run ends: they wait
        boolean live = options.metricsPort() != null || "dashboard".equals(options.uiType()) || extra.otel() != OtelExport.OFF;
        try (RecordProcessor processor = pipeline.processor(r -> {
            router.accept(r);
            if (raw != null) writeRaw(raw, r);
            extra.slices().add(r);
            extra.live().record(r);
            extra.otel().record(r);
            extra.urls().add(r);
            if (extra.outputs() != null) extra.outputs().add(r);
        }, !live)) {
            LoadRunner runner = pipeline.loadRunner(seed(), processor);
            extra.live().attach(runner.progress());
            extra.otel().attach(runner.progress());
            try (AutoCloseable progress = progress(runner, extra.live(), log)) {
                driver.run(runner, spec.phases(), hooks(runner, telemetry, extra));
                saturation = runner.clientSaturation();
                if (recentAnswers != null) {
                    var last = runner.progress();
                    recentAnswers.loadEnded(pipeline.config().urls(), last.completed() > 0 && last.errors() == 0, System.nanoTime());
                }
            } catch (InterruptedException e) {
                // handled here: stop sending, keep what was measured; the flag is cleared (the load runner
                // may have re-set it) so that draining the records and writing the exports can still block
                Thread.interrupted();
                interrupted = true;
                log.warn("Interrupted: writing the results collected so far");
            } catch (dev.redline.runner.load.FailedRequestThreshold.Exceeded e) {
                interrupted = true; // the results so far are exported, marked as a cut-short run
                aborted = e.getMessage();
                log.error(aborted);
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e); // progress display close
            } finally {
                telemetry.afterProfiling();
                extra.network().loadDone();
                loadDone();
                telemetry.stopScraping(); // the final scrape: the next run's first request waits for it
                overlap.signalScrapesDone();
                overlap.awaitDrainTurn(); // the next run's setup has the cores first
            }
        } finally {
            if (jsonl != null) jsonl.close();
            if (raw != null) raw.close();
        }
        driver.complete(profiling, jsonl == null ? null : layout.recordsJsonl(), interrupted);
        return interrupted;
    }

    private void loadDone() {
        if (!overlap.signals()) return;
        ctrlC.disarm();
        overlap.signalLoadDone();
        Thread.interrupted(); // an interrupt after the last phase ended finds no load to stop: the results get written
    }

    /**
     * Record observers beside the metrics (time slices, live metrics, per-URL counts, outputs.json; each a no-op or
     * null when off), the OpenTelemetry export, the control requests sent around the phases and the network-latency
     * probes.
     */
    private record Observers(TimeSliceStage slices, LiveRun live, UrlCounts urls, OutputsJsonWriter outputs, ControlRequests control,
                             OtelExport otel, NetworkLatencyStage network) { }

    /** The telemetry window spans the profiling phases; slices start with the first profiling phase. */
    private PhaseHooks hooks(LoadRunner runner, TelemetryStage telemetry, Observers extra) {
        return new PhaseHooks() {
            private boolean profilingStarted;
            private boolean started;

            @Override
            public void before(PhaseSpec phase) throws InterruptedException {
                // Ctrl-C may have landed in a step that swallowed the interrupt (a probe, a scrape)
                if (InterruptOnShutdown.inProgress()) throw new InterruptedException("shutting down");
                boolean profilingPhase = phase.resolvedKind() == PhaseKind.PROFILING;
                if (!started) {
                    overlap.signalReady(); // set up: the previous run may drain its records now
                    CellOverlap.await(overlap.previousScrapes());
                }
                started = true;
                if (profilingPhase && !profilingStarted) CellOverlap.await(overlap.previousFinish());
                extra.control().before(phase); // KV-cache reset and profiler start come before the window opens
                runner.settleBefore(phase); // the heap's collection too: the window opens with the first requests
                telemetry.beforePhase(phase, profilingPhase && !profilingStarted);
                extra.live().phaseStarting(phase.resolvedName());
                if (profilingPhase) extra.slices().profilingStarting(System.nanoTime());
                if (profilingPhase) extra.network().profilingStarting();
                profilingStarted |= profilingPhase;
            }

            @Override
            public void after(PhaseSpec phase, PhaseOutcome outcome) {
                if (outcome != null) outcomes.add(outcome);
                extra.otel().phaseEnded();
                try {
                    extra.control().after(phase);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private Integer profilingConcurrency() {
        return spec.phases().stream().filter(p -> p.resolvedKind() == PhaseKind.PROFILING)
                .map(PhaseSpec::getConcurrency).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void writeExports(ArtifactLayout layout, BenchmarkResults results, RunInfo info, Observers extra) throws IOException {
        UrlCounts urls = extra.urls();
        ProfileExport export = new SummaryJsonWriter().toExport(results, info, InputConfig.redacted(spec));
        export.putExtension("run_info", labels.toJson(export.benchmarkId(), spec.getRandomSeed()));
        RunFacts.addTo(export, outcomes, saturation);
        ObjectNode extras = driver.summaryExtras();
        if (extras != null) extras.properties().forEach(e -> export.putExtension(e.getKey(), e.getValue()));
        if (urls.several()) export.putExtension("urls", urls.toJson());
        extra.network().addTo(export);
        ExportPlugins.writeAll(new ExportPlugins.RunExport(spec, layout.dir(), layout.prefix(), results, export.toJson(), extra.outputs()));
    }

    /**
     * The progress display on stderr (or the dashboard) and the progress line logged every --stats-interval seconds;
     * closing it stops both.
     */
    private AutoCloseable progress(LoadRunner runner, LiveRun live, RunLog log) {
        LoadProgressSource source = new LoadProgressSource(runner.progress());
        AutoCloseable display = "dashboard".equals(options.uiType()) ? live.dashboard(out)
                : "simple".equals(options.uiType()) ? new ProgressBar(source, System.err) : null;
        RedrawLoop stats = options.statsSeconds() > 0
                ? new RedrawLoop("redline-stats", () -> log.info(ProgressBar.render(source).trim()), (long) (options.statsSeconds() * 1000))
                : null;
        return () -> {
            if (stats != null) stats.stop();
            if (display != null) display.close();
        };
    }

    private static void writeRaw(RawRecordWriter raw, RequestRecord r) {
        try {
            raw.write(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean rawExport() {
        return spec.getArtifacts() != null && "raw".equals(spec.getArtifacts().getExportLevel());
    }

    private boolean summaryOnly() {
        return spec.getArtifacts() != null && "summary".equals(spec.getArtifacts().resolvedExportLevel());
    }

    private long seed() {
        return spec.getRandomSeed() == null ? System.nanoTime() : spec.getRandomSeed();
    }
}
