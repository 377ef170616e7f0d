package dev.redline.runner.load;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * AIPerf's {@code --failed-request-threshold} for one profiling phase: waits for the phase while watching its
 * failure ratio, and once more than the threshold of its finished requests failed (after the grace floor
 * max(concurrency, 10), so one early failure cannot end a run) stops it sending, lets what is in flight finish
 * for a few seconds and throws {@link Exceeded}; the run then writes what it measured and exits 1.
 */
public final class FailedRequestThreshold {
    /** How often the ratio is looked at (the counters are the live progress ones: no work per record). */
    private static final long CHECK_MS = 50;
    /** How long in-flight requests may finish after the phase stopped sending. */
    private static final long DRAIN_MS = 5_000;

    private FailedRequestThreshold() { }

    /** The failure count that exceeds {@code threshold} once {@code floor} requests finished, else false. */
    static boolean exceeded(long finished, long failed, double threshold, int floor) {
        return finished >= floor && failed > threshold * finished;
    }

    /** The grace floor: max(concurrency, 10). */
    static int floor(Integer concurrency) {
        return Math.max(concurrency == null ? 1 : concurrency, 10);
    }

    static void await(CompletableFuture<Void> done, PhaseState state, LoadProgress progress, double threshold, int floor,
                      String phase) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                done.get(CHECK_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                long finished = progress.completed();
                long failed = progress.errors();
                if (!exceeded(finished, failed, threshold, floor)) continue;
                state.stop();
                try {
                    done.get(DRAIN_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillInFlight) {
                    // what has not finished by now is cut when the client closes, as on Ctrl-C
                }
                throw new Exceeded(String.format(Locale.ROOT,
                        "phase %s stopped: %d of %d finished requests failed (%.1f %%, above --failed-request-threshold %s);"
                                + " the results so far are written", phase, failed, finished, 100.0 * failed / finished,
                        stripZeros(threshold)));
            }
        }
    }

    private static String stripZeros(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The threshold was exceeded: the message is the run's one-line reason. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }
}
