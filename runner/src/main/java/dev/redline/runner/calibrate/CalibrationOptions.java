package dev.redline.runner.calibrate;

import java.util.List;
import java.util.Set;

/**
 * Sizes of one calibration run.
 *
 * @param mockInProcess      true: the mock servers run inside this JVM (their CPU counts as the runner's);
 *                           false: in a child JVM, so CPU and heap figures are the runner's alone
 * @param ceilingLevels      concurrency levels tried for the request ceiling, ascending
 * @param streamLevels       concurrent streams tried for the stream ceiling, ascending
 * @param stepSeconds        length of each ceiling / latency / send-lag step
 * @param warmupRequests     requests sent before each step's measurement (JIT, connections)
 * @param mockTtftMs         TTFT of the latency mock (client-added latency, stream ceiling)
 * @param mockItlMs          ITL of the latency mock
 * @param latencyConcurrency concurrent streams while measuring client-added latency
 * @param sendLagRate        Poisson request rate for the send-lag step
 * @param streamOsl          output tokens per stream in the stream-ceiling step
 * @param steps              which steps run ({@link #ALL_STEPS} by default)
 * @param zeroUrl            a running zero-latency {@code redline mock-server} to use instead of starting one (nullable)
 * @param latencyUrl         a running mock with TTFT/ITL {@code mockTtftMs}/{@code mockItlMs} (nullable)
 * @param streamSlackMs      a stream level is sustained when no request fails, the median added inter-token
 *                           latency is within +/- this, and the median added TTFT within 10 times this (or the ITL)
 */
public record CalibrationOptions(boolean mockInProcess, List<Integer> ceilingLevels, List<Integer> streamLevels,
                                 double stepSeconds, int warmupRequests, double mockTtftMs, double mockItlMs,
                                 int latencyConcurrency, double sendLagRate, int streamOsl, double streamSlackMs,
                                 Set<String> steps, String zeroUrl, String latencyUrl) {
    public static final List<String> ALL_STEPS = List.of("ceiling", "streaming", "latency", "send-lag", "streams");

    public CalibrationOptions {
        steps = Set.copyOf(steps);
        for (String s : steps) {
            if (!ALL_STEPS.contains(s)) throw new IllegalArgumentException("unknown step '" + s + "'; use " + String.join(", ", ALL_STEPS));
        }
    }

    public boolean runs(String step) { return steps.contains(step); }

    /** Defaults: about a minute in total on a small machine. */
    public static CalibrationOptions defaults() {
        return new CalibrationOptions(true, List.of(8, 32, 128, 512), List.of(250, 500, 1000, 2000, 4000),
                2.5, 200, 20, 5, 64, 1000, 120, 2, Set.copyOf(ALL_STEPS), null, null);
    }

    /** Tiny sizes for a smoke test: a few seconds. */
    public static CalibrationOptions quick() {
        return new CalibrationOptions(true, List.of(2, 4), List.of(4, 8), 0.4, 10, 5, 2, 4, 50, 8, 50, Set.copyOf(ALL_STEPS), null, null);
    }

    public CalibrationOptions withMockInProcess(boolean inProcess) {
        return new CalibrationOptions(inProcess, ceilingLevels, streamLevels, stepSeconds, warmupRequests, mockTtftMs,
                mockItlMs, latencyConcurrency, sendLagRate, streamOsl, streamSlackMs, steps, zeroUrl, latencyUrl);
    }

    public CalibrationOptions withLoad(double stepSeconds, int latencyConcurrency, double sendLagRate,
                                       List<Integer> streamLevels) {
        return new CalibrationOptions(mockInProcess, ceilingLevels, streamLevels, stepSeconds, warmupRequests,
                mockTtftMs, mockItlMs, latencyConcurrency, sendLagRate, streamOsl, streamSlackMs, steps, zeroUrl, latencyUrl);
    }

    /** Only these steps, against these already running mocks (either may be null: started in-process). */
    public CalibrationOptions withTargets(Set<String> steps, String zeroUrl, String latencyUrl) {
        return new CalibrationOptions(mockInProcess, ceilingLevels, streamLevels, stepSeconds, warmupRequests, mockTtftMs,
                mockItlMs, latencyConcurrency, sendLagRate, streamOsl, streamSlackMs, steps, zeroUrl, latencyUrl);
    }

    public CalibrationOptions withMockLatency(double ttftMs, double itlMs) {
        return new CalibrationOptions(mockInProcess, ceilingLevels, streamLevels, stepSeconds, warmupRequests, ttftMs,
                itlMs, latencyConcurrency, sendLagRate, streamOsl, streamSlackMs, steps, zeroUrl, latencyUrl);
    }
}
