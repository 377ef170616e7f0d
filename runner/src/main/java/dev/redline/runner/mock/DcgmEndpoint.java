package dev.redline.runner.mock;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Serves simulated DCGM exporter metrics beside the mock LLM server on its own port, with GPU load
 * following the tokens the mock actually generates (updated every second), so a benchmark of the mock
 * sees power and energy rise with its throughput.
 */
final class DcgmEndpoint {
    private final HttpServer server;
    private final DcgmExporterSimulator simulator;

    private DcgmEndpoint(HttpServer server, DcgmExporterSimulator simulator) {
        this.server = server;
        this.simulator = simulator;
    }

    static DcgmEndpoint start(Vertx vertx, MockMetrics metrics, String host, int port) {
        DcgmExporterSimulator simulator = new DcgmExporterSimulator();
        HttpServer server = vertx.createHttpServer().requestHandler(simulator.handler()).listen(port, host).await();
        long[] last = {metrics.tokensGenerated(), System.nanoTime()};
        vertx.setPeriodic(1000, id -> {
            long tokens = metrics.tokensGenerated();
            long now = System.nanoTime();
            simulator.setLoad((tokens - last[0]) / ((now - last[1]) / 1e9));
            last[0] = tokens;
            last[1] = now;
        });
        return new DcgmEndpoint(server, simulator);
    }

    int port() {
        return server.actualPort();
    }

    DcgmExporterSimulator simulator() {
        return simulator;
    }
}
