package dev.redline.runner.profile;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Which servers answered an experiment's runs a moment ago, so that the next run skips its readiness probe for
 * them: a server whose every request of the previous run just succeeded is up, and probing it again (a fresh client,
 * a connection, a request) took 5-12 ms of the gap between sweep cells. Older than {@link #FRESH_NANOS}, or after
 * a run with errors, the next run probes as a single run does.
 */
public final class RecentAnswers {
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);
    private final ConcurrentHashMap<String, Long> answeredAt = new ConcurrentHashMap<>();

    /** A run's load ended at {@code nanoTime}: with {@code clean} (answers, no errors) its URLs are up; else none is. */
    void loadEnded(List<String> urls, boolean clean, long nanoTime) {
        for (String url : urls) {
            if (clean) answeredAt.put(url, nanoTime);
            else answeredAt.remove(url);
        }
    }

    /** Whether {@code url} answered every request of a run that ended less than {@link #FRESH_NANOS} ago. */
    boolean fresh(String url, long nanoTime) {
        Long at = answeredAt.get(url);
        return at != null && nanoTime - at < FRESH_NANOS;
    }
}
