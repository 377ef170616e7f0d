package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ControlRequestSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ServerControl;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;

/**
 * AIPerf's control POSTs around the measured phases, sent to every server URL: a KV-cache reset once before the
 * first profiling phase (--reset-kv-cache, retried for maxRetrySeconds on a timeout, connection error or 5xx),
 * profiler start before it and stop after the last profiling phase (--server-profiler). A failed control request
 * is logged and the run goes on: it changes the server's state, not what is measured.
 */
final class ControlRequests {
    static final String RESET_PATH = "/reset_prefix_cache";
    static final String START_PATH = "/start_profile";
    static final String STOP_PATH = "/stop_profile";

    private final ControlRequestSpec reset;
    private final ControlRequestSpec profiler;
    private final List<ServerControl> servers;
    private final List<String> urls;
    private final RunLog log;
    private final int lastProfiling;
    private int seen;
    private boolean started;

    ControlRequests(BenchmarkSpec spec, Vertx vertx, ClientConfig config, RunLog log) {
        this.reset = on(spec.endpoint().getResetKvCache());
        this.profiler = on(spec.endpoint().getServerProfiler());
        this.urls = config.urls();
        this.servers = java.util.stream.IntStream.range(0, urls.size()).mapToObj(i -> new ServerControl(vertx, config.forUrl(i))).toList();
        this.log = log;
        int last = -1;
        for (int i = 0; i < spec.phases().size(); i++) if (spec.phases().get(i).resolvedKind() == PhaseKind.PROFILING) last = i;
        this.lastProfiling = last;
    }

    private static ControlRequestSpec on(ControlRequestSpec c) {
        return c != null && c.active() ? c : null;
    }

    boolean any() {
        return reset != null || profiler != null;
    }

    /** Before each phase, in order. */
    void before(PhaseSpec phase) throws InterruptedException {
        if (phase.resolvedKind() != PhaseKind.PROFILING || started) return;
        started = true;
        if (reset != null) {
            String path = reset.getPath() == null ? RESET_PATH : reset.getPath();
            double retry = reset.getMaxRetrySeconds() == null ? 0 : reset.getMaxRetrySeconds();
            for (int i = 0; i < servers.size(); i++) postWithRetry(i, "KV-cache reset", path, reset.resolvedTimeoutSeconds(), retry);
        }
        if (profiler != null) {
            String path = profiler.getStartPath() == null ? START_PATH : profiler.getStartPath();
            for (int i = 0; i < servers.size(); i++) postWithRetry(i, "profiler start", path, profiler.resolvedTimeoutSeconds(), 0);
        }
    }

    /** After each phase, in order. */
    void after(PhaseSpec phase) throws InterruptedException {
        int index = seen++;
        if (profiler == null || index != lastProfiling) return;
        String path = profiler.getStopPath() == null ? STOP_PATH : profiler.getStopPath();
        for (int i = 0; i < servers.size(); i++) postWithRetry(i, "profiler stop", path, profiler.resolvedTimeoutSeconds(), 0);
    }

    private void postWithRetry(int server, String what, String path, double timeoutSeconds, double retrySeconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (retrySeconds * 1e9);
        while (true) {
            ServerControl.Answer a = servers.get(server).post(path, Duration.ofMillis((long) (timeoutSeconds * 1000)));
            if (a.ok()) {
                log.info(what + " at " + urls.get(server) + path + ": HTTP " + a.status());
                return;
            }
            boolean retryable = a.status() == 0 || a.status() >= 500;
            if (!retryable || System.nanoTime() >= deadline) {
                log.warn(what + " at " + urls.get(server) + path + " failed (" + a.problem() + "); the run goes on");
                return;
            }
            Thread.sleep(500);
        }
    }
}
