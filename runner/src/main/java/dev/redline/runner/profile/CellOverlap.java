package dev.redline.runner.profile;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a run overlaps its neighbours in an experiment. The run signals {@code loadDone} once its last phase ended and
 * its telemetry window closed, then {@code scrapesDone} once its final telemetry scrape was answered; what remains
 * (draining the records, the exports) runs beside the next run, but only from {@code drainTurn} on: once the next run
 * is set up and about to send ({@code ready} is that run's signal), so the two do not share the cores while the next
 * one sets up. The run itself sends its first request only after {@code previousScrapes} (so the previous run's final
 * scrape cannot see this run's requests) and starts profiling only after {@code previousFinish} (so no profiling
 * window shares the client with the previous run's work). Any of them may be null.
 */
public record CellOverlap(Runnable loadDone, Runnable scrapesDone, Future<?> previousScrapes, Future<?> previousFinish,
                          Runnable ready, Future<?> drainTurn) {
    public static final CellOverlap NONE = new CellOverlap(null, null, null, null, null, null);
    /** A safety bound on the wait for {@code drainTurn}: the next run's setup is seconds at the very worst. */
    static final long DRAIN_TURN_LIMIT_SECONDS = 30;

    void signalLoadDone() {
        if (loadDone != null) loadDone.run();
    }

    void signalScrapesDone() {
        if (scrapesDone != null) scrapesDone.run();
    }

    void signalReady() {
        if (ready != null) ready.run();
    }

    boolean signals() {
        return loadDone != null;
    }

    /**
     * Waits for {@code drainTurn} (at most {@link #DRAIN_TURN_LIMIT_SECONDS}); not interruptible: the results get
     * written whatever happens to the next run, and a pending interrupt is kept.
     */
    void awaitDrainTurn() {
        if (drainTurn == null) return;
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_TURN_LIMIT_SECONDS);
        try {
            while (true) {
                try {
                    drainTurn.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Waits (interruptibly) for {@code f}; a failure of the previous run is its own to report. */
    static void await(Future<?> f) throws InterruptedException {
        if (f == null) return;
        try {
            f.get();
        } catch (ExecutionException e) {
            // the previous run reports its own failure
        }
    }
}
