package dev.redline.runner.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the load generator while its profiling phases run: client lag of each request, event-loop lag (a
 * periodic probe timer on each client event loop that measures how late it fires), the process's CPU time
 * over the cores it may use, and how busy each event loop was (on a core or waiting for one, from the
 * kernel's schedstat: a loop that never sleeps queues every new event behind work). {@link #report} turns
 * them into {@link ClientSaturation}. Recording is lock-free (HdrHistogram Recorder); the CPU sampler is its
 * own thread, never an event loop.
 */
public final class ClientHealthMonitor {
    private static final long PROBE_MS = 20;
    private static final long SAMPLE_MS = 250;
    private static final long HIGHEST_NS = 3_600_000_000_000L;

    private final Vertx vertx;
    private final Recorder clientLag = new Recorder(HIGHEST_NS, 3);
    private final Recorder loopLag = new Recorder(HIGHEST_NS, 3);
    private final Histogram clientLagTotal = new Histogram(HIGHEST_NS, 3);
    private final Histogram loopLagTotal = new Histogram(HIGHEST_NS, 3);
    private final List<Long> timers = new ArrayList<>();
    private final AtomicLong reanchors = new AtomicLong();
    private final int cores = Runtime.getRuntime().availableProcessors(); // honours taskset and cgroup limits
    // by Java thread id: a loop's totals carry over the phases, each phase samples it afresh
    private final java.util.Map<Long, LoopStats> loops = new java.util.LinkedHashMap<>();
    private volatile boolean profiling;
    private int generation; // of start(): a probe that arrives after its phase ended cancels itself
    private ScheduledExecutorService sampler;
    // process CPU over the profiling phases: time-weighted, as a share of `cores`
    private long lastProcessCpuNs = -1;
    private long lastSampleNs;
    private long cpuNs;
    private long cpuWallNs;
    private double cpuMax = -1;
    // what the process's threads wanted: on a core + waiting for one (Linux), over the profiling phases
    private ProcessDemand demand;
    private long demandCpuNs;
    private long demandWaitNs;
    private long demandWallNs;
    private long jitMs = -1;
    private long profilingNs;
    private long phaseJitStartMs = -1;
    private long phaseStartNs;

    /** One client event loop's busy time over the profiling phases. */
    private static final class LoopStats {
        ThreadDemand demand; // null while no phase runs
        double onCpuNs;
        double waitingNs;
        long wallNs;
    }

    public ClientHealthMonitor(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts the probes on the given event loops (a phase's start); {@link #stop} ends them. */
    public synchronized void start(List<Context> contexts) {
        if (sampler != null) return;
        lastProcessCpuNs = -1;
        demand = ProcessDemand.available() ? new ProcessDemand() : null;
        int phase = ++generation;
        for (Context c : contexts) {
            c.runOnContext(v -> {
                ThreadDemand demand = ThreadDemand.ofCurrentThread(); // once per loop: finds the thread's schedstat
                long[] expected = {System.nanoTime() + PROBE_MS * 1_000_000L};
                long id = vertx.setPeriodic(PROBE_MS, t -> {
                    long now = System.nanoTime();
                    if (profiling) loopLag.recordValue(Math.max(0, Math.min(HIGHEST_NS, now - expected[0])));
                    expected[0] = now + PROBE_MS * 1_000_000L;
                });
                synchronized (this) {
                    if (phase != generation || sampler == null) { // the phase ended before this loop got here
                        vertx.cancelTimer(id);
                        return;
                    }
                    timers.add(id);
                    loops.computeIfAbsent(Thread.currentThread().getId(), k -> new LoopStats()).demand = demand;
                }
            });
        }
        // CPU sampling reads /proc and JMX (syscalls, class loading): keep it off the event loops
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redline-cpu-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    /** Records one profiling request's client lag: actual send minus the moment it could have been sent. */
    public void recordClientLag(long ns) {
        clientLag.recordValue(Math.max(0, Math.min(HIGHEST_NS, ns)));
    }

    public void addReanchors(long n) { reanchors.addAndGet(n); }

    /** Marks the start of a phase; CPU, event-loop lag and JIT activity are counted in profiling phases only. */
    public synchronized void phaseStarted(boolean profilingPhase) {
        sample(); // closes the interval before the phase (not counted), starts the phase's
        profiling = profilingPhase;
        phaseJitStartMs = profilingPhase ? jitCompileMsSoFar() : -1;
        phaseStartNs = System.nanoTime();
    }

    public synchronized void phaseEnded() {
        sample(); // the phase's last interval
        profiling = false;
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
        if (sampler != null) sampler.shutdownNow();
        sampler = null;
        loops.values().forEach(l -> l.demand = null);
    }

    /** Closes one sampling interval: counted when it lies in a profiling phase. */
    private synchronized void sample() {
        long now = System.nanoTime();
        long cpu = processCpuNs();
        if (cpu >= 0 && lastProcessCpuNs >= 0 && now > lastSampleNs && profiling) {
            long wall = now - lastSampleNs;
            cpuNs += cpu - lastProcessCpuNs;
            cpuWallNs += wall;
            cpuMax = Math.max(cpuMax, (cpu - lastProcessCpuNs) / (double) wall / cores);
        }
        lastProcessCpuNs = cpu;
        long[] wanted = demand == null ? null : demand.sample(now);
        if (wanted != null && profiling) {
            demandCpuNs += wanted[0];
            demandWaitNs += wanted[1];
            demandWallNs += now - lastSampleNs;
        }
        for (LoopStats l : loops.values()) {
            if (l.demand == null) continue;
            long since = now - l.demand.lastWall();
            double[] share = l.demand.sample(now);
            if (share == null || !profiling) continue;
            l.onCpuNs += share[0] * since;
            l.waitingNs += share[1] * since;
            l.wallNs += since;
        }
        lastSampleNs = now;
    }

    private static long processCpuNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
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
        double cpuAvg = cpuWallNs == 0 ? -1 : round3(cpuNs / (double) cpuWallNs / cores);
        LoopStats busiest = null;
        for (LoopStats l : loops.values()) {
            if (l.wallNs > 0 && (busiest == null || busy(l) > busy(busiest))) busiest = l;
        }
        double loopBusy = busiest == null ? -1 : round3(busy(busiest));
        double loopOnCpu = busiest == null ? -1 : round3(busiest.onCpuNs / busiest.wallNs);
        double wanted = demandWallNs == 0 ? -1 : round3((demandCpuNs + demandWaitNs) / (double) demandWallNs / cores);
        double waiting = demandWallNs == 0 ? -1 : round3(demandWaitNs / (double) demandWallNs / cores);
        List<String> reasons = new ArrayList<>();
        if (lagP99 > ClientSaturation.CLIENT_LAG_P99_LIMIT_MS) {
            reasons.add(String.format("client send lag p99 %.1f ms > %.0f ms", lagP99, ClientSaturation.CLIENT_LAG_P99_LIMIT_MS));
        }
        if (loopP99 > ClientSaturation.EVENT_LOOP_LAG_P99_LIMIT_MS) {
            reasons.add(String.format("event-loop lag p99 %.1f ms > %.0f ms", loopP99, ClientSaturation.EVENT_LOOP_LAG_P99_LIMIT_MS));
        }
        if (cpuAvg > ClientSaturation.CPU_LIMIT) {
            reasons.add(String.format("client process CPU %.0f%% of its %d core%s", cpuAvg * 100, cores, cores == 1 ? "" : "s"));
        }
        // cpu_demand is evidence, not a threshold: it counts every thread of the process (JIT compilers, GC, an
        // in-process mock, other runners of a test), and any thread that wakes often waits on a loaded machine
        if (loopBusy > ClientSaturation.EVENT_LOOP_BUSY_LIMIT) {
            reasons.add(String.format("an event loop was busy %.0f%% of the time (on a core %.0f%%, waiting for one %.0f%%)",
                    loopBusy * 100, loopOnCpu * 100, (loopBusy - loopOnCpu) * 100));
        }
        if (reanchors.get() > 0) {
            reasons.add("pacer fell behind schedule and re-anchored " + reanchors.get() + " times");
        }
        // JIT work in the measured phase perturbs it (on two cores a send-lag p99 of 6-7 ms instead of 0.3 ms
        // while C2 was still busy), but its elapsed time is too noisy a signal for a threshold: evidence only
        double jitShare = jitMs < 0 || profilingNs <= 0 ? -1 : jitMs / (profilingNs / 1e6);
        return new ClientSaturation(!reasons.isEmpty(), List.copyOf(reasons), lagP50, lagP99, lagMax, loopP99, loopMax,
                cores, cpuAvg, cpuMax < 0 ? -1 : round3(cpuMax), wanted, waiting, loopBusy, loopOnCpu, reanchors.get(), jitMs,
                jitShare < 0 ? -1 : round3(jitShare));
    }

    private static double busy(LoopStats l) {
        return (l.onCpuNs + l.waitingNs) / l.wallNs;
    }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }

    private static double ms(long ns) { return ns / 1e6; }
}
