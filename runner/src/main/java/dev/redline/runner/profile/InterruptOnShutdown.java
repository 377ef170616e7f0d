package dev.redline.runner.profile;

/**
 * Ctrl-C (SIGINT/SIGTERM) during a run interrupts the running thread instead of killing it mid-way, and
 * holds the JVM's shutdown until that thread has written the results collected so far.
 */
public final class InterruptOnShutdown implements AutoCloseable {
    private static final long WRITE_RESULTS_MS = 30_000;

    private static volatile boolean inProgress;

    private final Thread hook;
    private volatile boolean disarmed;

    /** True once the JVM is shutting down: {@code System.exit} would then block forever, so callers just return. */
    public static boolean inProgress() {
        return inProgress;
    }

    public InterruptOnShutdown(Thread worker) {
        this.hook = new Thread(() -> {
            inProgress = true;
            if (!disarmed) worker.interrupt();
            try {
                worker.join(WRITE_RESULTS_MS);
            } catch (InterruptedException ignored) {
                // the JVM is going down anyway
            }
        }, "redline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * From now on Ctrl-C does not interrupt the worker, only waits for it: its load is over and what is left is writing
     * the results, which an interrupt could only cut short (a sweep cell finishing while the next one runs).
     */
    public void disarm() {
        disarmed = true;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: it waits for this thread, which is about to finish
        }
    }
}
