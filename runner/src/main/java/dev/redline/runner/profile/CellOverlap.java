package dev.redline.runner.profile;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * How a run overlaps its neighbours in an experiment. The run signals {@code loadDone} once its last phase ended and
 * its telemetry window closed, then {@code scrapesDone} once its final telemetry scrape was answered; what remains
 * (draining the records, the exports) runs beside the next run. The run itself sends its first request only after
 * {@code previousScrapes} (so the previous run's final scrape cannot see this run's requests) and starts profiling
 * only after {@code previousFinish} (so no profiling window shares the client with the previous run's work).
 * Any of them may be null.
 */
public record CellOverlap(Runnable loadDone, Runnable scrapesDone, Future<?> previousScrapes, Future<?> previousFinish) {
    public static final CellOverlap NONE = new CellOverlap(null, null, null, null);

    void signalLoadDone() {
        if (loadDone != null) loadDone.run();
    }

    void signalScrapesDone() {
        if (scrapesDone != null) scrapesDone.run();
    }

    boolean signals() {
        return loadDone != null;
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
