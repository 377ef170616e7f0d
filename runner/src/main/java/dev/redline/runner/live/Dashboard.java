package dev.redline.runner.live;

import java.io.PrintStream;

/**
 * {@code --ui-type dashboard}: redraws {@link DashboardView} in place about twice a second with ANSI
 * cursor moves (no terminal library). Only used when stdout is a terminal.
 */
public final class Dashboard implements AutoCloseable {
    private static final String UP_AND_CLEAR = "\033[" + DashboardView.LINES + "F\033[J";

    private final LiveMetrics metrics;
    private final PrintStream out;
    private final RedrawLoop loop;
    private boolean drawn;

    public Dashboard(LiveMetrics metrics, PrintStream out) {
        this.metrics = metrics;
        this.out = out;
        this.loop = new RedrawLoop("redline-dashboard", this::draw);
    }

    private synchronized void draw() {
        out.print((drawn ? UP_AND_CLEAR : "") + DashboardView.render(metrics.snapshot()));
        out.flush();
        drawn = true;
    }

    /** Stops redrawing and leaves the last view on screen. */
    @Override
    public void close() {
        loop.stop();
        draw();
    }
}
