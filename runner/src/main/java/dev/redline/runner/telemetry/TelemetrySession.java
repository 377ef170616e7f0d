package dev.redline.runner.telemetry;

import dev.redline.runner.telemetry.gpu.LocalGpuCollector;
import dev.redline.runner.telemetry.scrape.ScrapeTarget;
import dev.redline.runner.telemetry.scrape.Scraper;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.scrape.TargetUrls;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.summary.RunWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrapes the inference server's metrics and the DCGM exporters for one run. Start it before the
 * profiling phase, mark the phase's start and end (or pass them to {@link #results(long, long)}),
 * stop it after the phase (one last scrape brackets the end), then read {@link #results()}.
 * Scraping runs on its own threads; nothing here touches the request event loops.
 */
public final class TelemetrySession implements AutoCloseable {
    private final TelemetryConfig config;
    private final SeriesStore serverStore = new SeriesStore();
    private final SeriesStore gpuStore = new SeriesStore();
    private final Scraper serverScraper;
    private final Scraper gpuScraper;
    private final long monoAtStart;
    private final long wallAtStart;
    private volatile long windowStart = Long.MIN_VALUE;
    private volatile long windowEnd = Long.MIN_VALUE;
    private volatile long stoppedAt = Long.MIN_VALUE;

    private TelemetrySession(TelemetryConfig config, String baseUrl) {
        this.config = config;
        List<ScrapeTarget> server = new ArrayList<>();
        if (config.serverMetrics()) {
            // a grpc:// server has no /metrics on its port (Triton serves them over HTTP on another; give --server-metrics-url)
            if (baseUrl != null && !baseUrl.isBlank() && !baseUrl.regionMatches(true, 0, "grpc", 0, 4)) {
                server.add(new ScrapeTarget(TargetUrls.serverMetricsUrl(baseUrl), ScrapeTarget.Role.SERVER));
            }
            for (String u : config.serverUrls()) {
                if (server.stream().noneMatch(t -> t.url().equals(u))) server.add(new ScrapeTarget(u, ScrapeTarget.Role.SERVER));
            }
        }
        List<ScrapeTarget> gpu = new ArrayList<>();
        if (config.gpu() != TelemetryConfig.GpuMode.OFF) {
            for (String u : config.gpuUrls()) {
                gpu.add(LocalGpuCollector.isLocal(u)
                        ? new ScrapeTarget(u, ScrapeTarget.Role.GPU, timeout -> LocalGpuCollector.read(u, timeout))
                        : new ScrapeTarget(u, ScrapeTarget.Role.GPU));
            }
        }
        Duration timeout = config.scrapeTimeout();
        this.serverScraper = new Scraper(server, config.serverInterval(), timeout,
                (t, mono, wall, e) -> serverStore.add(t.url(), mono, wall, e));
        this.gpuScraper = new Scraper(gpu, config.gpuInterval(), timeout,
                (t, mono, wall, e) -> gpuStore.add(t.url(), mono, wall, e));
        this.monoAtStart = System.nanoTime();
        this.wallAtStart = System.currentTimeMillis();
    }

    /**
     * Starts scraping now.
     *
     * @param baseUrl the inference server's base URL (its host and port give {@code /metrics}); may be null
     */
    public static TelemetrySession start(TelemetryConfig config, String baseUrl) {
        TelemetrySession s = new TelemetrySession(config, baseUrl);
        s.serverScraper.start();
        s.gpuScraper.start();
        return s;
    }

    public TelemetryConfig config() { return config; }

    /**
     * Waits until every target has answered or failed once (at most {@code max}), so that the first
     * reference scrape exists before the profiling phase starts. Returns whether all did.
     */
    public boolean awaitFirstScrapes(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            boolean all = true;
            for (TargetReport r : reports()) all &= r.successes() + r.failures() > 0;
            if (all) return true;
            if (System.nanoTime() >= deadline) return false;
            Thread.sleep(10);
        }
    }

    /**
     * Records now as the start of the measured window (call when profiling starts). Waits for scrapes in
     * flight first: a scrape stamped before the mark but answered after it could count the window's
     * first requests in the baseline.
     */
    public void markWindowStart() {
        awaitScrapesIdle();
        windowStart = System.nanoTime();
    }

    /**
     * Records now as the end of the measured window (call when profiling ends). Waits for scrapes in
     * flight first, so the first scrape stamped after the mark was sent after the window's last request
     * ended and counter deltas include all of it.
     */
    public void markWindowEnd() {
        awaitScrapesIdle();
        windowEnd = System.nanoTime();
    }

    private void awaitScrapesIdle() {
        try {
            serverScraper.awaitIdle(config.scrapeTimeout());
            gpuScraper.awaitIdle(config.scrapeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the periodic scrapes and takes a final one of every target. Idempotent. */
    public synchronized void stop() {
        if (stoppedAt != Long.MIN_VALUE) return;
        stoppedAt = System.nanoTime();
        if (windowEnd == Long.MIN_VALUE) windowEnd = stoppedAt;
        Thread g = new Thread(gpuScraper::stop, "redline-telemetry-stop");
        g.start();
        serverScraper.stop();
        try {
            g.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Results over the marked window (defaults: session start and the call to stop). */
    public TelemetryResults results() {
        long start = windowStart == Long.MIN_VALUE ? monoAtStart : windowStart;
        long end = windowEnd == Long.MIN_VALUE ? System.nanoTime() : windowEnd;
        return results(start, end);
    }

    /** Results over {@code [startNanos, endNanos]} on the {@link System#nanoTime()} clock. */
    public TelemetryResults results(long startNanos, long endNanos) {
        RunWindow w = new RunWindow(startNanos, endNanos, wall(startNanos), wall(endNanos));
        return new TelemetryResults(config, w, serverStore, serverScraper.reports(), gpuStore, gpuScraper.reports());
    }

    /** Raw server series (monotonic + wall times per sample), for time slices aligned with request records. */
    public SeriesStore serverSeries() {
        return serverStore;
    }

    /** Raw DCGM series, for time slices aligned with request records. */
    public SeriesStore gpuSeries() {
        return gpuStore;
    }

    public List<TargetReport> reports() {
        List<TargetReport> all = new ArrayList<>(serverScraper.reports());
        all.addAll(gpuScraper.reports());
        return all;
    }

    @Override
    public void close() {
        stop();
        serverScraper.close();
        gpuScraper.close();
    }

    private long wall(long mono) {
        return wallAtStart + (mono - monoAtStart) / 1_000_000;
    }
}
