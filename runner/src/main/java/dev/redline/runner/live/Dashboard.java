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
    private final Thread thread;
    private volatile boolean running = true;
    private boolean drawn;

    public Dashboard(LiveMetrics metrics, PrintStream out) {
        this.metrics = metrics;
        this.out = out;
        this.thread = new Thread(this::loop, "redline-dashboard");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            draw();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void draw() {
        out.print((drawn ? UP_AND_CLEAR : "") + DashboardView.render(metrics.snapshot()));
        out.flush();
        drawn = true;
    }

    /** Stops redrawing and leaves the last view on screen. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
    }
}
