package dev.redline.runner.cli;

import dev.redline.runner.mock.MockServer;

import java.io.PrintWriter;

/**
 * The mock server's log of injected faults: a line every few seconds while the counts change, and the
 * totals at shutdown, e.g. {@code faults injected: 429=12 stream-cut=3}.
 */
final class FaultLog {
    private static final long INTERVAL_MS = 5000;

    private final MockServer server;
    private final PrintWriter out;
    private String last;

    private FaultLog(MockServer server, PrintWriter out) {
        this.server = server;
        this.out = out;
        this.last = server.metrics().faultSummary();
    }

    static FaultLog start(MockServer server, PrintWriter out) {
        FaultLog log = new FaultLog(server, out);
        if (!server.faults().isEmpty()) {
            out.println("Injecting faults (seed " + server.randomSeed() + "): " + String.join("; ",
                    server.faults().stream().map(Object::toString).toList()));
            server.vertx().setPeriodic(INTERVAL_MS, id -> log.printIfChanged());
        }
        return log;
    }

    private synchronized void printIfChanged() {
        String now = server.metrics().faultSummary();
        if (now.equals(last)) return;
        last = now;
        out.println("faults injected: " + now);
        out.flush();
    }

    /** The totals, once, at shutdown (when any fault was configured). */
    synchronized void finish() {
        if (server.faults().isEmpty()) return;
        out.println("faults injected: " + server.metrics().faultSummary());
        out.flush();
    }
}
