package dev.redline.runner.profile;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with rate and ETA, redrawn in place about twice a second on a terminal. */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final ProgressSource source;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;

    public ProgressBar(ProgressSource source, PrintStream out) {
        this.source = source;
        this.out = out;
        this.thread = new Thread(this::loop, "redline-progress");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            out.print("\r" + render(source));
            out.flush();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String render(ProgressSource s) {
        double elapsed = Math.max(s.elapsedSeconds(), 1e-9);
        long done = s.completed();
        double rate = done / elapsed;
        double fraction;
        double eta;
        if (s.plannedRequests() > 0) {
            fraction = Math.min(1.0, (double) done / s.plannedRequests());
            eta = rate > 0 ? (s.plannedRequests() - done) / rate : Double.NaN;
        } else if (s.plannedSeconds() > 0) {
            fraction = Math.min(1.0, elapsed / s.plannedSeconds());
            eta = Math.max(0, s.plannedSeconds() - elapsed);
        } else {
            fraction = 0;
            eta = Double.NaN;
        }
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "=".repeat(filled) + " ".repeat(WIDTH - filled);
        String total = s.plannedRequests() > 0 ? "/" + s.plannedRequests() : "";
        String etaText = Double.isNaN(eta) ? "--" : String.format(Locale.ROOT, "%.0fs", Math.max(eta, 0));
        return String.format(Locale.ROOT, "%-9s [%s] %d%s req  %.1f req/s  errors %d  ETA %s   ",
                s.phaseName(), bar, done, total, rate, s.errors(), etaText);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.print("\r" + " ".repeat(100) + "\r");
        out.flush();
    }
}
