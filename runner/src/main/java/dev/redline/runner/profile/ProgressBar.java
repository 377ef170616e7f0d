package dev.redline.runner.profile;

import dev.redline.runner.live.RedrawLoop;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with rate and ETA, redrawn in place about twice a second on a terminal. */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final ProgressSource source;
    private final PrintStream out;
    private final RedrawLoop loop;

    public ProgressBar(ProgressSource source, PrintStream out) {
        this.source = source;
        this.out = out;
        this.loop = new RedrawLoop("redline-progress", this::draw);
    }

    private void draw() {
        out.print("\r" + render(source));
        out.flush();
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
        loop.stop();
        out.print("\r" + " ".repeat(100) + "\r");
        out.flush();
    }
}
