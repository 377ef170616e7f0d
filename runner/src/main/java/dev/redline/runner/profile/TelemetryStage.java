package dev.redline.runner.profile;

import dev.redline.runner.telemetry.gpu.LocalGpuCollector;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.telemetry.TelemetryConfig;
import dev.redline.runner.telemetry.TelemetryResults;
import dev.redline.runner.telemetry.TelemetrySession;
import dev.redline.runner.telemetry.gpu.EfficiencyInputs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Server-metrics and GPU scraping around the profiling phases: starts before the first phase, marks
 * the profiling window, and after the run writes the telemetry exports and console tables.
 */
final class TelemetryStage implements AutoCloseable {
    private final TelemetrySession session;
    private final RunLog log;
    private final Double sliceSeconds;

    private TelemetryStage(TelemetrySession session, RunLog log, Double sliceSeconds) {
        this.session = session;
        this.log = log;
        this.sliceSeconds = sliceSeconds;
    }

    static TelemetryStage start(BenchmarkSpec spec, String baseUrl, RunLog log) {
        TelemetryConfig config = TelemetryConfig.from(spec.getTelemetry(), log::warn);
        Double slice = spec.getArtifacts() == null ? null : spec.getArtifacts().getSliceDuration();
        return new TelemetryStage(TelemetrySession.start(config, baseUrl), log, slice);
    }

    /** A local GPU collector (pynvml/amdsmi) that cannot read this machine is said once, up front; the run goes on. */
    private static void warnLocalGpus(TelemetrySession session, RunLog log) {
        for (TargetReport r : session.reports()) {
            if (LocalGpuCollector.isLocal(r.target().url()) && r.successes() == 0 && r.lastError() != null) {
                log.warn("GPU telemetry " + r.target().url().substring("local:".length()) + ": " + r.lastError()
                        + "; continuing without local GPU telemetry");
            }
        }
    }

    /** Call around each phase: the window spans the profiling phases only. */
    void beforePhase(PhaseSpec phase, boolean firstProfiling) throws InterruptedException {
        if (firstProfiling && phase.resolvedKind() == PhaseKind.PROFILING) {
            // A reference scrape before profiling, so counter deltas cover the whole window. Awaited here, not
            // at start: it overlaps the warm-up instead of delaying the first request (a sweep's cells add up).
            session.awaitFirstScrapes(Duration.ofSeconds(3));
            warnLocalGpus(session, log);
            session.markWindowStart();
        }
    }

    /** The scrape session (raw series for time slices). */
    TelemetrySession session() {
        return session;
    }

    void afterProfiling() {
        session.markWindowEnd();
    }

    /**
     * Stops scraping now, with the final scrape (the window's end): the results are computed later, and by then the
     * next sweep cell may already be sending to the same server.
     */
    void stopScraping() {
        session.stop();
    }

    /** Stops scraping, writes the exports into {@code dir} and prints the tables. */
    void finish(Path dir, BenchmarkResults results, Integer concurrency, PrintStream out) throws IOException {
        session.stop();
        TelemetryResults telemetry = session.results();
        EfficiencyInputs totals = efficiencyInputs(results, concurrency);
        telemetry.writeExports(dir, totals, sliceSeconds);
        String tables = telemetry.consoleTables(totals);
        if (tables != null && !tables.isBlank()) out.println(tables);
        for (String w : telemetry.warnings()) log.warn(w);
    }

    static EfficiencyInputs efficiencyInputs(BenchmarkResults r, Integer concurrency) {
        double seconds = r.benchmarkDurationNs() / 1e9;
        Double latency = r.metric("request_latency").map(MetricResult::stats).map(s -> s.get("avg") / 1000.0).orElse(null);
        Double goodput = r.metric("goodput").map(MetricResult::value).orElse(null);
        return new EfficiencyInputs(total(r, "total_osl"), total(r, "total_isl"), r.validCount(), seconds,
                concurrency == null ? null : concurrency.doubleValue(), latency, goodput);
    }

    private static long total(BenchmarkResults r, String tag) {
        return r.metric(tag).map(m -> (long) m.value()).orElse(0L);
    }

    @Override
    public void close() {
        session.close();
    }
}
