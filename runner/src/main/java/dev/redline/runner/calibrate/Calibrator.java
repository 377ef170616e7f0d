package dev.redline.runner.calibrate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.calibrate.CalibrationReport.Ceiling;
import dev.redline.runner.calibrate.CalibrationReport.CeilingStep;
import dev.redline.runner.calibrate.CalibrationReport.ClientLatency;
import dev.redline.runner.calibrate.CalibrationReport.Percentiles;
import dev.redline.runner.calibrate.CalibrationReport.SendLag;
import dev.redline.runner.calibrate.CalibrationReport.StreamStep;
import dev.redline.runner.calibrate.CalibrationReport.Streams;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives the built-in mock servers at increasing load through the real engine and measures this
 * machine's client ceiling: requests/s (non-streaming and streaming), concurrent streams, client-added
 * TTFT/ITL, send lag of the open-model pacer, and the JVM's CPU and heap.
 */
public final class Calibrator {
    /** A level that adds less than this fraction over the best so far ends the ceiling search. */
    private static final double MIN_GAIN = 0.05;
    /** A stream level's median added TTFT may be this many times the ITL slack (or the ITL, if larger). */
    private static final double TTFT_SLACK_FACTOR = 10;

    private final CalibrationOptions o;
    private final Function<List<String>, BenchmarkSpec> specs;
    private final PrintStream progress;
    private final String version;
    /** Whether this JVM has already run enough load for the JIT to have compiled the hot path. */
    private boolean jitWarm;
    private boolean quick;

    /**
     * @param specs    turns {@code redline profile} flags into a validated spec
     * @param progress one line per step (stderr in the CLI)
     */
    public Calibrator(CalibrationOptions options, Function<List<String>, BenchmarkSpec> specs, PrintStream progress,
                      String version) {
        this.o = options;
        this.specs = specs;
        this.progress = progress;
        this.version = version;
    }

    public CalibrationReport run(boolean quick) throws InterruptedException {
        this.quick = quick;
        long wall0 = System.nanoTime();
        long cpu0 = ProcessStats.cpuNs();
        try (MockTargets mocks = new MockTargets(o); StepDriver driver = new StepDriver(specs)) {
            Ceiling plain = o.runs("ceiling") ? ceiling(driver, mocks.zeroLatencyUrl(), false) : null;
            Ceiling streaming = o.runs("streaming") ? ceiling(driver, mocks.zeroLatencyUrl(), true) : null;
            if (o.runs("latency") || o.runs("send-lag") || o.runs("streams")) warmJit(driver, mocks.zeroLatencyUrl());
            ClientLatency latency = o.runs("latency") ? latency(driver, mocks.latencyUrl()) : null;
            SendLag lag = o.runs("send-lag") ? sendLag(driver, mocks.zeroLatencyUrl()) : null;
            Streams streams = o.runs("streams") ? streams(driver, mocks.latencyUrl()) : null;
            double wall = (System.nanoTime() - wall0) / 1e9;
            long cpu = ProcessStats.cpuNs();
            long peak = ProcessStats.peakHeapBytes();
            CalibrationReport.Runner runner = new CalibrationReport.Runner(round(wall, 3),
                    cpu0 < 0 ? -1 : round((cpu - cpu0) / 1e9, 3), peak, ProcessStats.liveHeapBytes(), ProcessStats.maxHeapBytes());
            return new CalibrationReport(version, machine(), mocks.mode(), quick,
                    plain, streaming, latency, lag, streams, runner);
        }
    }

    private List<String> base(String url) {
        return new ArrayList<>(List.of("-u", url, "-m", "mock-model", "--tokenizer", "builtin", "--isl", "32",
                "--num-dataset-entries", "32", "--random-seed", "1"));
    }

    private String seconds(double s) {
        return Double.toString(s);
    }

    private Ceiling ceiling(StepDriver driver, String url, boolean streaming) throws InterruptedException {
        List<CeilingStep> steps = new ArrayList<>();
        double best = 0;
        int bestAt = 0;
        for (int c : o.ceilingLevels()) {
            List<String> f = base(url);
            f.addAll(List.of("--osl", "16", "--concurrency", Integer.toString(c), "--benchmark-duration",
                    seconds(o.stepSeconds()), "--warmup-request-count", Integer.toString(Math.max(o.warmupRequests(), c))));
            if (streaming) f.add("--streaming");
            StepResult r = driver.run((streaming ? "streaming" : "non-streaming") + " c=" + c, f);
            report(r);
            double cpu = r.cpuMicrosPerRequest();
            steps.add(new CeilingStep(c, r.completed(), r.errors(), round(r.seconds(), 3), round(r.requestsPerSecond(), 1),
                    cpu < 0 ? null : round(cpu, 1)));
            double rps = r.errors() == 0 ? r.requestsPerSecond() : 0;
            boolean gained = rps > best * (1 + MIN_GAIN);
            if (rps > best) {
                best = rps;
                bestAt = c;
            }
            if (!gained && steps.size() >= 2) break;
        }
        jitWarm = true;
        return new Ceiling(round(best, 1), bestAt, steps);
    }

    /**
     * Unmeasured closed-loop load in both modes, unless an earlier step already gave it: a JVM's hot path
     * runs partly interpreted for its first tens of thousands of requests while the C2 compiler works on
     * the same cores, and a precision step measured then reports the compiler (send-lag p99 of 6-7 ms at
     * 2000 req/s on two cores, 0.3 ms once compiled).
     */
    private void warmJit(StepDriver driver, String url) throws InterruptedException {
        if (jitWarm) return;
        double seconds = quick ? o.stepSeconds() : 5;
        for (boolean streaming : new boolean[] {false, true}) {
            List<String> f = base(url);
            f.addAll(List.of("--osl", "16", "--concurrency", "64", "--benchmark-duration", seconds(seconds)));
            if (streaming) f.add("--streaming");
            StepResult r = driver.run("JIT warm-up, not measured" + (streaming ? " (streaming)" : ""), f);
            report(r);
        }
        jitWarm = true;
    }

    private ClientLatency latency(StepDriver driver, String url) throws InterruptedException {
        int c = o.latencyConcurrency();
        List<String> f = base(url);
        f.addAll(List.of("--streaming", "--osl", "32", "--concurrency", Integer.toString(c), "--benchmark-duration",
                seconds(o.stepSeconds()), "--warmup-request-count", Integer.toString(c)));
        StepResult r = driver.run("client-added latency c=" + c, f);
        report(r);
        return new ClientLatency(o.mockTtftMs(), o.mockItlMs(), c, r.completed(), r.errors(),
                Percentiles.ofNs(r.ttftNs(), o.mockTtftMs()), Percentiles.ofNs(r.itlNs(), o.mockItlMs()),
                Percentiles.ofNs(r.chunkAddedNs(), 0), Percentiles.ofNs(r.ttftAddedNs(), 0));
    }

    private SendLag sendLag(StepDriver driver, String url) throws InterruptedException {
        List<String> f = base(url);
        // warm-up at the same rate for up to 2 s: a cold JIT cannot keep a high rate and the lag would be its own
        int warmup = (int) Math.max(o.warmupRequests(), o.sendLagRate() * Math.min(2.0, o.stepSeconds()));
        f.addAll(List.of("--osl", "16", "--request-rate", Double.toString(o.sendLagRate()), "--arrival-pattern", "poisson",
                "--benchmark-duration", seconds(o.stepSeconds()), "--warmup-request-count", Integer.toString(warmup)));
        StepResult r = driver.run("send lag rate=" + o.sendLagRate(), f);
        report(r);
        double achieved = r.achievedRate();
        return new SendLag("poisson", o.sendLagRate(), CalibrationReport.finite(round(achieved, 2)),
                CalibrationReport.finite(round(achieved / o.sendLagRate(), 4)),
                CalibrationReport.finite(round(r.scheduleRate(), 2)), CalibrationReport.finite(round(achieved / r.scheduleRate(), 4)),
                r.completed(), r.errors(),
                Percentiles.ofNs(r.sendLagNs(), 0));
    }

    private Streams streams(StepDriver driver, String url) throws InterruptedException {
        List<StreamStep> steps = new ArrayList<>();
        int sustained = 0;
        for (int n : o.streamLevels()) {
            List<String> f = base(url);
            f.addAll(List.of("--streaming", "--osl", Integer.toString(o.streamOsl()), "--concurrency", Integer.toString(n),
                    "--request-count", Integer.toString(2 * n), "--warmup-request-count", Integer.toString(n)));
            StepResult r;
            try {
                r = driver.run("streams n=" + n, f);
            } catch (RuntimeException e) { // e.g. out of file descriptors: the level is not sustained
                progress.println("calibrate: streams n=" + n + " failed: " + e.getMessage());
                steps.add(new StreamStep(n, 0, 0, null, null, null, null, false));
                break;
            }
            report(r);
            Percentiles itl = Percentiles.ofNs(r.itlNs(), o.mockItlMs());
            Percentiles ttft = Percentiles.ofNs(r.ttftNs(), o.mockTtftMs());
            // saturation shows as late first tokens, then bursts of tokens (ITL below the mock's): both count
            boolean ok = r.errors() == 0 && itl != null && Math.abs(itl.p50()) <= o.streamSlackMs()
                    && ttft != null && ttft.p50() <= TTFT_SLACK_FACTOR * Math.max(o.streamSlackMs(), o.mockItlMs());
            steps.add(new StreamStep(n, r.completed(), r.errors(), itl == null ? null : itl.p50(),
                    itl == null ? null : itl.p99(), ttft == null ? null : ttft.p50(), Percentiles.ofNs(r.chunkAddedNs(), 0), ok));
            if (!ok) break;
            sustained = n;
        }
        return new Streams(sustained, "no failed request, |median added inter-token latency| <= " + o.streamSlackMs()
                + " ms, median added TTFT <= " + TTFT_SLACK_FACTOR * Math.max(o.streamSlackMs(), o.mockItlMs()) + " ms",
                steps);
    }

    private void report(StepResult r) {
        progress.printf(java.util.Locale.ROOT, "calibrate: %-28s %8d requests %5d errors %9.1f req/s%n", r.name(),
                r.completed(), r.errors(), r.requestsPerSecond());
    }

    private static CalibrationReport.Machine machine() {
        return new CalibrationReport.Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), ProcessStats.maxHeapBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double k = Math.pow(10, digits);
        return Math.round(v * k) / k;
    }
}
