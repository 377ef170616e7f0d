package dev.redline.runner.telemetry.scrape;

import dev.redline.runner.telemetry.prometheus.ParsedExposition;
import dev.redline.runner.telemetry.prometheus.TextFormatParser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scrapes Prometheus endpoints at a fixed interval on its own threads (a scheduler, a small pool for local
 * collectors, and the process's shared JDK HTTP client, {@link ScrapeHttp}), never on the request event loops. Each scrape has a short timeout; a target that
 * is down or slow is counted in its {@link TargetReport} and does not stop the others or the run.
 * A target still busy with its previous scrape is skipped for that tick.
 */
public final class Scraper implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final List<ScrapeTarget> targets;
    private final Duration interval;
    private final Duration timeout;
    private final ScrapeSink sink;
    private final Map<ScrapeTarget, TargetReport> reports = new LinkedHashMap<>();
    private final Map<ScrapeTarget, AtomicBoolean> busy = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService pool;
    private final HttpClient http;
    private ScheduledFuture<?> tick;

    public Scraper(List<ScrapeTarget> targets, Duration interval, Duration timeout, ScrapeSink sink) {
        this.targets = List.copyOf(targets);
        this.interval = interval;
        this.timeout = timeout;
        this.sink = sink;
        for (ScrapeTarget t : this.targets) {
            reports.put(t, new TargetReport(t));
            busy.put(t, new AtomicBoolean());
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "redline-scrape-timer"));
        this.pool = Executors.newFixedThreadPool(2, r -> daemon(r, "redline-scrape"));
        this.http = ScrapeHttp.forConnectTimeout(timeout);
    }

    /** Starts scraping now and then every interval. */
    public synchronized void start() {
        if (tick != null || targets.isEmpty()) return;
        tick = scheduler.scheduleAtFixedRate(this::scrapeAllAsync, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the periodic scrapes, waits for those in flight, then scrapes every target once more so the
     * window's end is bracketed. Blocks for at most about two timeouts.
     */
    public void stop() {
        synchronized (this) {
            if (tick != null) tick.cancel(false);
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            waitIdle(timeout.toMillis() + 500);
            List<CompletableFuture<Void>> finals = new ArrayList<>();
            for (ScrapeTarget t : targets) finals.add(scrape(t));
            CompletableFuture.allOf(finals.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A final scrape that times out is already counted as a failure in its report.
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        pool.shutdownNow();
    }

    public List<TargetReport> reports() {
        return new ArrayList<>(reports.values());
    }

    public TargetReport report(ScrapeTarget target) {
        return reports.get(target);
    }

    private void scrapeAllAsync() {
        for (ScrapeTarget t : targets) scrape(t);
    }

    private CompletableFuture<Void> scrape(ScrapeTarget target) {
        AtomicBoolean flag = busy.get(target);
        TargetReport report = reports.get(target);
        if (!flag.compareAndSet(false, true)) {
            report.busy();
            return CompletableFuture.completedFuture(null);
        }
        report.attempt();
        CompletableFuture<Void> done = target.local() != null ? readLocal(target, report)
                : fetch(target, report, report.effectiveUrl(), true);
        return done.whenComplete((v, e) -> flag.set(false));
    }

    /** A target read on this machine (vendor CLI) on the scrape pool, stored like an HTTP scrape. */
    private CompletableFuture<Void> readLocal(ScrapeTarget target, TargetReport report) {
        return CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            long wall = System.currentTimeMillis();
            String body;
            try {
                body = target.local().read(timeout);
            } catch (java.io.IOException | RuntimeException e) {
                report.failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                return;
            }
            long end = System.nanoTime();
            ParsedExposition parsed = TextFormatParser.parse(body);
            report.success(start + (end - start) / 2, end - start, parsed.malformedLines(), body.hashCode());
            try {
                sink.accept(target, start + (end - start) / 2, wall + (end - start) / 2_000_000, parsed);
            } catch (RuntimeException e) {
                report.failure("could not store reading: " + e);
            }
        }, pool);
    }

    private CompletableFuture<Void> fetch(ScrapeTarget target, TargetReport report, String url, boolean mayRedirect) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET().build();
        } catch (IllegalArgumentException e) {
            report.failure("bad URL: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        long wall = System.currentTimeMillis();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
            long received = System.nanoTime();
            if (err != null) {
                report.failure(describe(err));
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (resp.statusCode() != 200) {
                report.failure("HTTP " + resp.statusCode() + " from " + url);
                return CompletableFuture.<Void>completedFuture(null);
            }
            String body = resp.body();
            if (mayRedirect && looksLikeJson(body) && url.endsWith("/metrics") && !url.endsWith("/prometheus/metrics")) {
                // TensorRT-LLM serves iteration stats as JSON at /metrics; its Prometheus text is elsewhere.
                String prom = url.substring(0, url.length() - "/metrics".length()) + "/prometheus/metrics";
                report.redirect(prom, "/metrics returned JSON (TensorRT-LLM); scraping /prometheus/metrics");
                return fetch(target, report, prom, false);
            }
            ParsedExposition parsed = TextFormatParser.parse(body);
            long mid = sent + (received - sent) / 2;
            report.success(mid, received - sent, parsed.malformedLines(), body.hashCode());
            try {
                sink.accept(target, mid, wall + (received - sent) / 2_000_000, parsed);
            } catch (RuntimeException e) {
                report.failure("could not store scrape: " + e);
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(f -> f);
    }

    /** Waits (at most {@code max}) until no scrape is in flight, so the next mark cannot split one. */
    public void awaitIdle(Duration max) throws InterruptedException {
        waitIdle(max.toMillis());
    }

    private void waitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            boolean any = false;
            for (AtomicBoolean b : busy.values()) any |= b.get();
            if (!any) return;
            Thread.sleep(5);
        }
    }

    private static boolean looksLikeJson(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) return c == '[' || c == '{';
        }
        return false;
    }

    private static String describe(Throwable err) {
        Throwable e = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
