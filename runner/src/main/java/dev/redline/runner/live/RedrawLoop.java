package dev.redline.runner.live;

/**
 * A daemon thread that runs a terminal redraw about twice a second until stopped; shared by the
 * dashboard and the progress bar.
 */
public final class RedrawLoop {
    private static final long PERIOD_MS = 500;

    private final Runnable redraw;
    private final long periodMs;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts redrawing at once on a daemon thread named {@code threadName}, twice a second. */
    public RedrawLoop(String threadName, Runnable redraw) {
        this(threadName, redraw, PERIOD_MS);
    }

    /** Starts running {@code redraw} at once and then every {@code periodMs}. */
    public RedrawLoop(String threadName, Runnable redraw, long periodMs) {
        this.redraw = redraw;
        this.periodMs = periodMs;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            redraw.run();
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops redrawing and waits up to a second for a redraw in progress to end. */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
