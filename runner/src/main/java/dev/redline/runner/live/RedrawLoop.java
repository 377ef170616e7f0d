package dev.redline.runner.live;

/**
 * A daemon thread that runs a terminal redraw about twice a second until stopped; shared by the
 * dashboard and the progress bar.
 */
public final class RedrawLoop {
    private static final long PERIOD_MS = 500;

    private final Runnable redraw;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts redrawing at once on a daemon thread named {@code threadName}. */
    public RedrawLoop(String threadName, Runnable redraw) {
        this.redraw = redraw;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            redraw.run();
            try {
                Thread.sleep(PERIOD_MS);
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
