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

    private final HttpServer server;
    private final ExecutorService executor;

    private LiveMetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds all interfaces on {@code port} (0 = any free port); a busy port is a one-line bad-input error. */
    public static LiveMetricsServer start(LiveMetrics metrics, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (BindException e) {
            throw new BadInputException("--metrics-port: port " + port + " is in use; choose another or 0 for any free port");
        } catch (IOException e) {
            throw new BadInputException("--metrics-port: cannot listen on " + port + " (" + e.getMessage() + ")");
        }
        server.createContext("/metrics", ex -> respond(ex, metrics));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "redline-live-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LiveMetricsServer(server, executor);
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
