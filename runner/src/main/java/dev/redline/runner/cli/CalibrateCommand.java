package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.calibrate.CalibrationOptions;
import dev.redline.runner.calibrate.CalibrationReport;
import dev.redline.runner.calibrate.Calibrator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code redline calibrate}: this machine's client ceiling against the built-in mock (docs/performance.md). */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure this machine's client ceiling against the built-in zero-latency mock server: "
                + "max requests/s, concurrent streams, client-added latency, send lag, CPU and heap.")
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Tiny sizes (a few seconds), to check the setup.")
    boolean quick;

    @Option(names = "--mock-process", description = "Run the mock servers in child JVMs, so CPU and heap are the runner's alone.")
    boolean mockProcess;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the JSON report (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("calibration.json");

    @Option(names = "--step-seconds", paramLabel = "S", description = "Length of each ceiling, latency and send-lag step.")
    Double stepSeconds;

    @Option(names = "--latency-concurrency", paramLabel = "N", description = "Concurrent streams for the client-added latency step.")
    Integer latencyConcurrency;

    @Option(names = "--send-lag-rate", paramLabel = "RPS", description = "Poisson request rate for the send-lag step.")
    Double sendLagRate;

    @Option(names = "--max-streams", paramLabel = "N", description = "Highest concurrent-stream level to try (levels double up to it).")
    Integer maxStreams;

    @Option(names = "--mock-ttft-ms", paramLabel = "MS", description = "TTFT of the latency mock (default 20, --quick 5).")
    Double mockTtftMs;

    @Option(names = "--mock-itl-ms", paramLabel = "MS", description = "ITL of the latency mock (default 5, --quick 2).")
    Double mockItlMs;

    @Option(names = "--steps", paramLabel = "STEP[,STEP...]", split = ",",
            description = "Steps to run: ceiling, streaming, latency, send-lag, streams (default: all).")
    List<String> steps = CalibrationOptions.ALL_STEPS;

    @Option(names = "--url", paramLabel = "URL",
            description = "A running zero-latency 'redline mock-server' for the ceiling and send-lag steps (default: start one).")
    String url;

    @Option(names = "--latency-url", paramLabel = "URL",
            description = "A running 'redline mock-server' whose --ttft-ms/--itl-ms equal --mock-ttft-ms/--mock-itl-ms (default: start one).")
    String latencyUrl;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println("redline calibrate: " + problem);
            err.flush();
            return RedlineCli.BAD_INPUT;
        }
        CalibrationReport report = new Calibrator(options(), CalibrateCommand::specFor, System.err, RedlineVersion.version())
                .run(quick);
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, report.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("redline calibrate: --output " + output + ": cannot write (" + e.getMessage() + "); choose a writable path");
            err.flush();
            return RedlineCli.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.toConsole());
        out.println("Report: " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    CalibrationOptions options() {
        CalibrationOptions o = quick ? CalibrationOptions.quick() : CalibrationOptions.defaults();
        o = o.withMockInProcess(!mockProcess);
        if (mockTtftMs != null || mockItlMs != null) {
            o = o.withMockLatency(mockTtftMs == null ? o.mockTtftMs() : mockTtftMs, mockItlMs == null ? o.mockItlMs() : mockItlMs);
        }
        List<Integer> levels = o.streamLevels();
        if (maxStreams != null) {
            java.util.ArrayList<Integer> l = new java.util.ArrayList<>();
            for (int n = Math.min(maxStreams, levels.get(0)); n < maxStreams; n *= 2) l.add(n);
            l.add(maxStreams);
            levels = l;
        }
        o = o.withTargets(new java.util.LinkedHashSet<>(steps), url, latencyUrl);
        return o.withLoad(stepSeconds == null ? o.stepSeconds() : stepSeconds,
                latencyConcurrency == null ? o.latencyConcurrency() : latencyConcurrency,
                sendLagRate == null ? o.sendLagRate() : sendLagRate, levels);
    }

    String problem() {
        if (stepSeconds != null && !(stepSeconds > 0 && stepSeconds <= 600)) return "--step-seconds must be in (0, 600], got " + stepSeconds;
        if (latencyConcurrency != null && latencyConcurrency < 1) return "--latency-concurrency must be >= 1, got " + latencyConcurrency;
        if (sendLagRate != null && !(sendLagRate > 0)) return "--send-lag-rate must be > 0, got " + sendLagRate;
        if (maxStreams != null && maxStreams < 1) return "--max-streams must be >= 1, got " + maxStreams;
        if (mockTtftMs != null && !(mockTtftMs > 0)) return "--mock-ttft-ms must be > 0 (client-added latency needs a known delay), got " + mockTtftMs;
        if (mockItlMs != null && !(mockItlMs > 0)) return "--mock-itl-ms must be > 0, got " + mockItlMs;
        for (String s : steps) {
            if (!CalibrationOptions.ALL_STEPS.contains(s)) {
                return "--steps: unknown step '" + s + "'; use " + String.join(", ", CalibrationOptions.ALL_STEPS);
            }
        }
        if (latencyUrl != null && (mockTtftMs == null || mockItlMs == null)) {
            return "--latency-url needs --mock-ttft-ms and --mock-itl-ms (the values that mock was started with)";
        }
        return null;
    }

    /** The profile command's own flag handling and validation, so a step means what those flags mean. */
    static BenchmarkSpec specFor(List<String> flags) {
        ProfileCommand profile = new ProfileCommand();
        new CommandLine(profile).parseArgs(flags.toArray(String[]::new));
        return profile.buildSpec();
    }
}
