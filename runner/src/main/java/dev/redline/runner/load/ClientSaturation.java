package dev.redline.runner.load;

import java.util.List;

/**
 * Evidence of whether the load generator itself kept up, for the console and the JSON
 * ({@code client_saturated} plus these numbers). Client lag is the time between the moment a request
 * could be sent (its intended time, or when a concurrency/prefill slot freed) and the actual send; it
 * excludes intended queueing behind a concurrency ceiling.
 *
 * @param saturated        true when any threshold was crossed; {@code reasons} says which
 * @param clientLagP50Ms   median client lag of profiling requests, ms
 * @param clientLagP99Ms   p99 client lag, ms
 * @param clientLagMaxMs   max client lag, ms
 * @param eventLoopLagP99Ms p99 delay of a periodic probe timer on the client's event loops, ms
 * @param eventLoopLagMaxMs max of the same
 * @param cpuCores         the cores this process may use (affinity and cgroup limits honoured)
 * @param processCpuAvg    process CPU time over the profiling phases' wall time, 0..1 of {@code cpuCores} (-1 when
 *                         unavailable)
 * @param processCpuMax    the same over the busiest 250 ms sample
 * @param cpuDemand        what the process's threads wanted over the profiling phases: time on a core plus time
 *                         waiting on a run queue for one, 0..1 (and beyond) of {@code cpuCores}; Linux, else -1;
 *                         evidence only (every thread counts, JIT and GC included)
 * @param cpuWaiting       the waiting part of it
 * @param eventLoopBusy    the busiest client event loop: share of the profiling time it was on a core or waiting
 *                         for one (Linux schedstat; on-CPU only elsewhere), 0..1, -1 when unknown
 * @param eventLoopOnCpu   that loop's share on a core
 * @param pacerReanchors   times the pacer fell more than the catch-up window behind
 * @param jitCompileMs     elapsed time the JIT compiler threads spent compiling during profiling phases, ms
 *                         (-1 when unknown); evidence only, not a saturation threshold: on a busy machine the
 *                         compiler threads' elapsed time includes waiting for a core
 * @param jitShare         that time over the profiling phases' wall time (compiler threads add up, so it can pass 1)
 */
public record ClientSaturation(boolean saturated, List<String> reasons, double clientLagP50Ms, double clientLagP99Ms,
                               double clientLagMaxMs, double eventLoopLagP99Ms, double eventLoopLagMaxMs,
                               int cpuCores, double processCpuAvg, double processCpuMax, double cpuDemand,
                               double cpuWaiting,
                               double eventLoopBusy, double eventLoopOnCpu, long pacerReanchors,
                               double jitCompileMs, double jitShare) {
    /** Thresholds: beyond these the client, not the server, may be what the numbers measure. */
    public static final double CLIENT_LAG_P99_LIMIT_MS = 10;
    public static final double EVENT_LOOP_LAG_P99_LIMIT_MS = 20;
    public static final double CPU_LIMIT = 0.9;
    public static final double EVENT_LOOP_BUSY_LIMIT = 0.9;
}
