package dev.redline.runner.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the load generator while it runs: client lag of each profiling request, event-loop lag (a
 * periodic probe timer on each client event loop that measures how late it fires) and process CPU load.
 * {@link #report} turns them into {@link ClientSaturation}. Recording is lock-free (HdrHistogram Recorder).
 */
public final class ClientHealthMonitor {
    private static final long PROBE_MS = 20;
    private static final long HIGHEST_NS = 3_600_000_000_000L;

    private final Vertx vertx;
    private final Recorder clientLag = new Recorder(HIGHEST_NS, 3);
    private final Recorder loopLag = new Recorder(HIGHEST_NS, 3);
    private final Histogram clientLagTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram loopLagTotal = new Histogram(HIGHEST_NS, 3);
    private final List<Long> timers = new ArrayList<>();
    private final AtomicLong reanchors = new AtomicLong();
    private double cpuSum;
    private long cpuSamples;
    private double cpuMax = -1;
    private java.util.concurrent.ScheduledExecutorService cpuSampler;
    private long jitMs = -1;
    private long profilingNs;
    private long phaseJitStartMs = -1;
    private long phaseStartNs;

    public ClientHealthMonitor(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts the probes on the given event loops. */
    public synchronized void start(List<Context> loops) {
        for (Context c : loops) {
            c.runOnContext(v -> {
                long[] expected = {System.nanoTime() + PROBE_MS * 1_000_000L};
                long id = vertx.setPeriodic(PROBE_MS, t -> {
                    long now = System.nanoTime();
                    loopLag.recordValue(Math.max(0, Math.min(HIGHEST_NS, now - expected[0])));
                    expected[0] = now + PROBE_MS * 1_000_000L;
                });
                synchronized (this) {
                    timers.add(id);
                }
            });
        }
        // CPU sampling touches JMX (class loading, syscalls): keep it off the event loops
        cpuSampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redline-cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        cpuSampler.scheduleAtFixedRate(this::sampleCpu, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Records one profiling request's client lag: actual send minus the moment it could have been sent. */
    public void recordClientLag(long ns) {
        clientLag.recordValue(Math.max(0, Math.min(HIGHEST_NS, ns)));
    }

    public void addReanchors(long n) { reanchors.addAndGet(n); }

    /** Marks the start of a phase; JIT activity is counted in profiling phases only. */
    public synchronized void phaseStarted(boolean profiling) {
        phaseJitStartMs = profiling ? jitCompileMsSoFar() : -1;
        phaseStartNs = System.nanoTime();
    }

    public synchronized void phaseEnded() {
        if (phaseJitStartMs < 0) return;
        jitMs = Math.max(jitMs, 0) + jitCompileMsSoFar() - phaseJitStartMs;
        profilingNs += System.nanoTime() - phaseStartNs;
        phaseJitStartMs = -1;
    }

    /** Total JIT compilation time of this JVM so far, ms; -1 where the JVM does not report it. */
    private static long jitCompileMsSoFar() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    public synchronized void stop() {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        if (cpuSampler != null) cpuSampler.shutdownNow();
        cpuSampler = null;
    }

    private synchronized void sampleCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            if (load >= 0) {
                cpuSum += load;
                cpuSamples++;
                cpuMax = Math.max(cpuMax, load);
            }
        }
    }

    /** The evidence so far (cumulative since start). */
    public synchronized ClientSaturation report() {
        clientLagTotal.add(clientLag.getIntervalHistogram());
        loopLagTotal.add(loopLag.getIntervalHistogram());
        double lagP50 = ms(clientLagTotal.getValueAtPercentile(50));
        double lagP99 = ms(clientLagTotal.getValueAtPercentile(99));
        double lagMax = ms(clientLagTotal.getMaxValue());
        double loopP99 = ms(loopLagTotal.getValueAtPercentile(99));
        double loopMax = ms(loopLagTotal.getMaxValue());
        double cpuAvg = cpuSamples == 0 ? -1 : cpuSum / cpuSamples;
        List<String> reasons = new ArrayList<>();
        if (lagP99 > ClientSaturation.CLIENT_LAG_P99_LIMIT_MS) {
            reasons.add(String.format("client send lag p99 %.1f ms > %.0f ms", lagP99, ClientSaturation.CLIENT_LAG_P99_LIMIT_MS));
        }
        if (loopP99 > ClientSaturation.EVENT_LOOP_LAG_P99_LIMIT_MS) {
            reasons.add(String.format("event-loop lag p99 %.1f ms > %.0f ms", loopP99, ClientSaturation.EVENT_LOOP_LAG_P99_LIMIT_MS));
        }
        if (cpuAvg > ClientSaturation.CPU_LIMIT) {
            reasons.add(String.format("client process CPU %.0f%% of all cores", cpuAvg * 100));
        }
        if (reanchors.get() > 0) {
            reasons.add("pacer fell behind schedule and re-anchored " + reanchors.get() + " times");
        }
        // JIT work in the measured phase perturbs it (on two cores a send-lag p99 of 6-7 ms instead of 0.3 ms
        // while C2 was still busy), but its elapsed time is too noisy a signal for a threshold: evidence only
        double jitShare = jitMs < 0 || profilingNs <= 0 ? -1 : jitMs / (profilingNs / 1e6);
        return new ClientSaturation(!reasons.isEmpty(), List.copyOf(reasons), lagP50, lagP99, lagMax, loopP99, loopMax,
                cpuAvg, cpuMax, reanchors.get(), jitMs, jitShare < 0 ? -1 : Math.round(jitShare * 1000) / 1000.0);
    }

    private static double ms(long ns) { return ns / 1e6; }
}
