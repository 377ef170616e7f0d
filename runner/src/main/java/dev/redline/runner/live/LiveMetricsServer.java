package dev.redline.runner.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@link LiveMetrics} at {@code /metrics} in the Prometheus text format, on its own thread
 * (the JDK's HTTP server; no event loop of the run is involved).
 */
public final class LiveMetricsServer implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** How long close waits for a scraper that was polling during the run to collect the final numbers. */
    static final long FINAL_SCRAPE_WAIT_MS = 3000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final FinalScrape finalScrape;

    private LiveMetricsServer(HttpServer server, ExecutorService executor, FinalScrape finalScrape) {
        this.server = server;
        this.executor = executor;
        this.finalScrape = finalScrape;
    }

    /** Binds all interfaces on {@code port} (0 = any free port); a busy port is a one-line bad-input error. */
    public static LiveMetricsServer start(LiveMetrics metrics, int port) {
        return start(metrics, null, port);
    }

    /** Binds {@code host} (null = all interfaces; AIPerf's --api-host) on {@code port}. */
    public static LiveMetricsServer start(LiveMetrics metrics, String host, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port), 16);
        } catch (BindException e) {
            throw new BadInputException("--metrics-port: port " + port + " is in use; choose another or 0 for any free port");
        } catch (IOException e) {
            throw new BadInputException("--metrics-port: cannot listen on " + port + " (" + e.getMessage() + ")");
        }
        FinalScrape finalScrape = new FinalScrape();
        server.createContext("/metrics", ex -> {
            boolean finished = metrics.finished();
            respond(ex, metrics);
            finalScrape.served(finished);
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "redline-live-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LiveMetricsServer(server, executor, finalScrape);
    }

    private static void respond(HttpExchange ex, LiveMetrics metrics) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The bound port (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops serving. When someone scraped during the run, first waits (up to {@link #FINAL_SCRAPE_WAIT_MS})
     * for a scrape that sees the finished run, so a short run's final numbers are not lost to it.
     */
    @Override
    public void close() {
        finalScrape.await(FINAL_SCRAPE_WAIT_MS);
        server.stop(0);
        executor.shutdownNow();
    }

    /** Tracks whether anyone scrapes, and whether a scrape saw the finished run. */
    private static final class FinalScrape {
        private boolean scraped;
        private boolean sawFinish;

        synchronized void served(boolean finished) {
            scraped = true;
            sawFinish |= finished;
            notifyAll();
        }

        synchronized void await(long maxMs) {
            long end = System.currentTimeMillis() + maxMs;
            while (scraped && !sawFinish) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) return;
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
