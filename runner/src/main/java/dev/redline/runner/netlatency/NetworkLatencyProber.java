package dev.redline.runner.netlatency;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * AIPerf's network-latency probing: every ping interval, one TCP-connect probe per target, each written to
 * {@code profile_export_network_latency.jsonl} as it completes. A ticker thread fires the probes onto their own
 * threads, so a slow handshake (up to the 5 s connect timeout) never delays the next one and nothing runs on an
 * event loop. {@link #stop} tops each target up to {@value #MIN_SAMPLES} successful probes (a short run still gets a
 * mean), within a {@link #TOP_UP_BUDGET} budget, then closes the file.
 */
public final class NetworkLatencyProber implements AutoCloseable {
    /** AIPerf's defaults: per-probe connect timeout, the successful-probe floor and the top-up budget. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int MIN_SAMPLES = 5;
    static final Duration TOP_UP_BUDGET = Duration.ofSeconds(3);

    private final List<TcpConnectProbe> probes = new ArrayList<>();
    private final RttSummary summary = new RttSummary();
    private final BufferedWriter jsonl;
    private final Consumer<String> warn;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("redline-rtt-ticker"));
    private final ExecutorService probing = Executors.newCachedThreadPool(daemon("redline-rtt-probe"));
    private boolean stopped;
    private boolean writeFailed;

    private NetworkLatencyProber(List<ProbeTarget> targets, BufferedWriter jsonl, Consumer<String> warn) {
        for (ProbeTarget t : targets) probes.add(new TcpConnectProbe(t, CONNECT_TIMEOUT));
        this.jsonl = jsonl;
        this.warn = warn;
    }

    /**
     * Starts probing {@code targets} every {@code intervalSeconds}, the first probes at once, writing {@code jsonl};
     * {@code warn} hears of hosts that do not resolve.
     */
    public static NetworkLatencyProber start(List<ProbeTarget> targets, double intervalSeconds, Path jsonl,
                                             Consumer<String> warn) throws IOException {
        NetworkLatencyProber p = new NetworkLatencyProber(targets, Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8), warn);
        long intervalNs = Math.max(1, Math.round(intervalSeconds * 1e9));
        for (TcpConnectProbe probe : p.probes) {
            p.ticker.execute(() -> { // resolved once, before the first probe (single ticker thread: in order)
                String problem = probe.resolve();
                if (problem != null) warn.accept("Network latency: " + problem);
            });
            p.ticker.scheduleAtFixedRate(() -> p.fire(probe), 0, intervalNs, TimeUnit.NANOSECONDS);
        }
        return p;
    }

    private void fire(TcpConnectProbe probe) {
        try {
            probing.execute(() -> record(probe.probeOnce()));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // stop() has begun: no more probes
        }
    }

    private synchronized void record(RttSample s) {
        if (stopped) return;
        summary.add(s);
        if (writeFailed) return;
        try {
            jsonl.write(s.toJson().toString());
            jsonl.write('\n');
        } catch (IOException e) {
            writeFailed = true; // said once; the probes still count towards the mean
            warn.accept("Network latency: cannot write the probes file (" + e.getMessage() + "); probing goes on");
        }
    }

    /**
     * Stops the interval probes, tops every target up to {@value #MIN_SAMPLES} successes (AIPerf's final probes),
     * and closes the JSONL. Blocks for at most the top-up budget plus a second for probes in flight. Idempotent.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) return;
        }
        ticker.shutdownNow();
        long deadline = System.nanoTime() + TOP_UP_BUDGET.toNanos();
        for (TcpConnectProbe probe : probes) {
            for (int attempts = 0; attempts < 2 * MIN_SAMPLES && successes(probe) < MIN_SAMPLES
                    && System.nanoTime() < deadline; attempts++) {
                record(probe.probeOnce());
            }
        }
        probing.shutdown();
        try {
            probing.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            stopped = true;
            try {
                jsonl.close();
            } catch (IOException e) {
                if (!writeFailed) warn.accept("Network latency: cannot write the probes file (" + e.getMessage() + ")");
            }
        }
    }

    private synchronized int successes(TcpConnectProbe probe) {
        return summary.successes(probe.target());
    }

    /** The statistics so far (complete after {@link #stop}). */
    public synchronized RttSummary summary() {
        return summary;
    }

    @Override
    public void close() {
        stop();
        probing.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
