package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InputsJsonWriter;
import dev.redline.runner.cli.RedlineVersion;
import dev.redline.runner.export.ConsoleTableRenderer;
import dev.redline.runner.export.RecordJsonlWriter;
import dev.redline.runner.export.RunInfo;
import dev.redline.runner.export.SummaryCsvWriter;
import dev.redline.runner.export.SummaryJsonWriter;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.record.RequestRecord;

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
    private final PhaseDriver driver;

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

    /** Runs and returns the process exit code (0: results written; errors in records do not fail the run). */
    public int run() {
        MockServer mock = options.embeddedMock() ? MockServer.start(new MockServerOptions().port(0)) : null;
        try {
            if (mock != null) spec.endpoint().setUrl(mock.baseUrl());
            return runAgainstServer();
        } finally {
            if (mock != null) mock.close();
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
        try (RunPipeline pipeline = RunPipeline.open(spec, log)) {
            ClientConfig config = pipeline.config();
            if (!summaryOnly()) {
                InputsJsonWriter.write(layout.inputsJson(), pipeline.dataset(), pipeline.factory(), spec.getModels());
            }
            MetricsContext metricsContext = pipeline.metricsContext();
            RecordMetricsAccumulator profiling = new RecordMetricsAccumulator(metricsContext);
            RecordJsonlWriter jsonl = summaryOnly() ? null
                    : new RecordJsonlWriter(layout.recordsJsonl(), new RecordMetricsView(metricsContext), 0);
            log.info("Benchmarking " + config.endpointUrl() + " (" + String.join(",", spec.getModels()) + ")");
            boolean interrupted = false;
            try (RecordProcessor processor = pipeline.processor(r -> route(r, profiling, jsonl))) {
                LoadRunner runner = pipeline.loadRunner(seed(), processor);
                try (AutoCloseable progress = progress(runner)) {
                    driver.run(runner, spec.phases());
                } catch (InterruptedException e) {
                    // handled here: the flag is not restored, so closing the JSONL and writing the exports
                    // (interruptible file channels) still work
                    interrupted = true;
                    log.warn("Interrupted: writing the results collected so far");
                } catch (Exception e) {
                    if (e instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e);
                }
            } finally {
                if (jsonl != null) jsonl.close();
            }
            driver.complete(profiling, jsonl == null ? null : layout.recordsJsonl(), interrupted);
            BenchmarkResults results = profiling.results();
            writeExports(layout, results, new RunInfo(RedlineVersion.version(), UUID.randomUUID().toString(),
                    start, Instant.now(), interrupted));
            out.println(new ConsoleTableRenderer().render(results));
            out.println("Results: " + layout.dir().toAbsolutePath());
            log.info("Wrote " + layout.summaryJson() + " and " + layout.summaryCsv());
            return 0;
        }
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
        ObjectNode extras = driver.summaryExtras();
        if (extras != null) {
            ObjectNode node = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            node.setAll(extras);
            json = node.toPrettyString();
        }
        Files.writeString(layout.summaryJson(), json, StandardCharsets.UTF_8);
        Files.writeString(layout.summaryCsv(), new SummaryCsvWriter().toCsv(results), StandardCharsets.UTF_8);
    }

    private AutoCloseable progress(LoadRunner runner) {
        if (!"simple".equals(options.uiType())) return () -> { };
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
