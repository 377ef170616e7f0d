package dev.redline.runner.telemetry.summary;

/**
 * The measured window (normally the profiling phase) on the monotonic clock the request records use,
 * with the matching wall times for reports.
 */
public record RunWindow(long startNanos, long endNanos, long startWallMillis, long endWallMillis) {
    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }
}
