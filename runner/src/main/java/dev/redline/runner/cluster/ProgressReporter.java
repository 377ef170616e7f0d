package dev.redline.runner.cluster;

import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.ProgressStatus;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Refreshes {@code progress.json} in the results ConfigMap every {@code period} while the coordinator runs,
 * on a daemon thread of its own: the API calls never touch the load's threads, and a failed write (the
 * apiserver away, a conflict that outlasts the retries) is reported once and otherwise ignored, so progress
 * can never fail or slow the run.
 */
final class ProgressReporter implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redline-progress");
        t.setDaemon(true);
        return t;
    });
    private final Supplier<ProgressStatus> progress;
    private final ResultsConfigMapWriter results;
    private final PrintStream err;
    private boolean warned;
    private String lastWritten;

    ProgressReporter(Supplier<ProgressStatus> progress, ResultsConfigMapWriter results, Duration period, PrintStream err) {
        this.progress = progress;
        this.results = results;
        this.err = err;
        timer.scheduleWithFixedDelay(this::refresh, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            ProgressStatus p = progress.get();
            if (p == null) return;
            String json = ResultsConfigMap.progressJson(p);
            if (json.equals(lastWritten)) return; // nothing moved: no write, no status patch
            results.write(Map.of(ResultsConfigMap.PROGRESS_JSON, json));
            lastWritten = json;
        } catch (RuntimeException e) {
            if (!warned) err.println("redline: warning: progress not written (the run goes on): " + e.getMessage());
            warned = true;
        }
    }

    /** Stops refreshing; a write in flight is abandoned after a short wait so the final results are not held up. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // a stop request: not re-raised, the coordinator still has to write its results
        }
    }
}
