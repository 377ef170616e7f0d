package dev.redline.runner.mock;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.function.LongSupplier;

/**
 * Serves simulated DCGM exporter metrics beside the mock LLM server on its own port, with GPU load following
 * the mock's work (updated every second): the tokens it generates ({@code --engine fixed}) or the simulated
 * engine's batch work ({@code --engine sim}), so a benchmark of the mock sees power and energy rise with its load.
 */
final class DcgmEndpoint {
    private final HttpServer server;
    private final DcgmExporterSimulator simulator;

    private DcgmEndpoint(HttpServer server, DcgmExporterSimulator simulator) {
        this.server = server;
        this.simulator = simulator;
    }

    static DcgmEndpoint start(Vertx vertx, MockContext ctx, String host, int port) {
        DcgmExporterSimulator simulator = new DcgmExporterSimulator();
        HttpServer server = vertx.createHttpServer().requestHandler(simulator.handler()).listen(port, host).await();
        boolean engine = ctx.pacer instanceof EnginePacer;
        // fixed: tokens generated; sim: simulated GPU-busy ns (per wall ns it is the utilisation itself)
        LongSupplier work = engine ? ((EnginePacer) ctx.pacer)::busyWorkNanos : ctx.metrics::tokensGenerated;
        long[] last = {work.getAsLong(), System.nanoTime()};
        vertx.setPeriodic(1000, id -> {
            long done = work.getAsLong();
            long now = System.nanoTime();
            double perSecond = (done - last[0]) / ((now - last[1]) / 1e9);
            if (engine) simulator.setUtilization(perSecond / 1e9);
            else simulator.setLoad(perSecond);
            last[0] = done;
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
