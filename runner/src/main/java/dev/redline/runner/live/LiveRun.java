package dev.redline.runner.live;

import dev.redline.runner.load.LoadProgress;
import dev.redline.runner.record.RequestRecord;

import java.io.PrintStream;

/**
 * The live side of one run: the meters, the {@code --metrics-port} endpoint and the dashboard. Off
 * (every call a no-op) when neither a port nor the dashboard was asked for.
 */
public final class LiveRun implements AutoCloseable {
    private final LiveMetrics metrics;
    private final LiveMetricsServer server;

    private LiveRun(LiveMetrics metrics, LiveMetricsServer server) {
        this.metrics = metrics;
        this.server = server;
    }

    /**
     * @param metricsPort port to serve {@code /metrics} on (0 = any), null = none
     * @param tags        labels on every series (e.g. a runner pod's benchmark, run, runner)
     */
    public static LiveRun start(Integer metricsPort, boolean dashboard, java.util.Map<String, String> tags) {
        return start(null, metricsPort, dashboard, tags);
    }

    /** @param host address to bind (null = all interfaces) */
    public static LiveRun start(String host, Integer metricsPort, boolean dashboard, java.util.Map<String, String> tags) {
        if (metricsPort == null && !dashboard) return new LiveRun(null, null);
        LiveMetrics metrics = new LiveMetrics(tags);
        return new LiveRun(metrics, metricsPort == null ? null : LiveMetricsServer.start(metrics, host, metricsPort));
    }

    public void attach(LoadProgress progress) {
        if (metrics != null) metrics.attach(progress);
    }

    public void phaseStarting(String phaseName) {
        if (metrics != null) metrics.phaseStarting(phaseName);
    }

    /** Record-processing thread. */
    public void record(RequestRecord r) {
        if (metrics != null) metrics.record(r);
    }

    /** All records processed. */
    public void finish() {
        if (metrics != null) metrics.finish();
    }

    /** Starts the dashboard on {@code out}. */
    public Dashboard dashboard(PrintStream out) {
        if (metrics == null) throw new IllegalStateException("live metrics are off");
        return new Dashboard(metrics, out);
    }

    /** The port {@code /metrics} is served on, or -1. */
    public int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public void close() {
        if (server != null) server.close();
    }
}
