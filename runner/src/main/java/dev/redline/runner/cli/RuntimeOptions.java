package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RuntimeSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How this process runs the benchmark: the spec's {@code runtime} section (AIPerf's service, worker, UI and ZMQ
 * flags, mapped onto Redline's threads; see docs/migrating-from-aiperf.md) plus what exists only on a command line
 * (the embedded mock, --runners).
 */
public class RuntimeOptions implements SpecOptions {
    @Option(names = {"--ui-type", "--ui"}, paramLabel = "dashboard|simple|none",
            description = "Progress display: dashboard (live view of rate, in flight, errors, TTFT/ITL), simple (default on a terminal) or none.")
    String uiType;

    @Option(names = {"-v", "--verbose"}, description = "Verbose output (log level debug); -vv for trace output.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--extra-verbose", description = "Trace output (same as -vv).")
    boolean extraVerbose;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "error, warn, info (default), debug or trace.")
    String logLevel;

    @Option(names = "--mock-server", description = "Start the built-in mock server in-process and benchmark it (ignores --url).")
    boolean embeddedMock;

    @Mixin MockFaultOptions mockFaults = new MockFaultOptions();

    @Option(names = {"--metrics-port", "--api-port"}, paramLabel = "PORT",
            description = "Serve live Prometheus metrics of the run at http://<host>:PORT/metrics (0 = any free port); AIPerf's --api-port maps here.")
    Integer metricsPort;

    @Option(names = "--api-host", paramLabel = "HOST", description = "Address the live metrics endpoint binds to. Default 0.0.0.0.")
    String apiHost;

    @Option(names = "--stats-interval", paramLabel = "SECONDS",
            description = "Also log a progress line every SECONDS (0 = never, the default with a progress bar or dashboard; 30 otherwise).")
    Double statsInterval;

    @Option(names = {"--workers-max", "--max-workers"}, paramLabel = "N",
            description = "Event loops the HTTP client uses at most (AIPerf: worker processes). Default min(cores, 8).")
    Integer workers;

    @Option(names = {"--record-processor-service-count", "--record-processors"}, paramLabel = "N",
            description = "Threads counting output tokens of finished requests (AIPerf: record processors). Default: one, fanning out under a backlog.")
    Integer recordProcessors;

    @Option(names = "--zmq-host", paramLabel = "HOST",
            description = "Address the coordinator of a --runners run binds its messaging sockets to (AIPerf's ZMQ host). Default 127.0.0.1.")
    String zmqHost;

    @Option(names = "--zmq-ipc-path", paramLabel = "DIR",
            description = "Accepted for AIPerf compatibility: Redline's services are threads of one process and open no IPC sockets.")
    String zmqIpcPath;

    @Option(names = "--zmq-dual-bind", description = "Accepted for AIPerf compatibility (a cluster transport choice); no effect in Redline.")
    boolean zmqDualBind;

    @Option(names = "--runners", paramLabel = "N",
            description = "Runner processes sharing the load (default 1): this one coordinates, N-1 agents start beside it.")
    Integer runners;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        String level = logLevel == null ? verbosityLevel() : logLevel.trim().toLowerCase(Locale.ROOT);
        if (uiType == null && level == null && metricsPort == null && apiHost == null && statsInterval == null
                && workers == null && recordProcessors == null && zmqHost == null && zmqIpcPath == null) return;
        RuntimeSpec r = spec.runtime();
        if (uiType != null) r.setUi(uiType.trim().toLowerCase(Locale.ROOT));
        if (level != null) r.setLogLevel(level);
        if (metricsPort != null) r.setApiPort(metricsPort);
        if (apiHost != null) r.setApiHost(apiHost.trim());
        if (statsInterval != null) r.setStatsInterval(statsInterval);
        if (workers != null) r.setWorkers(workers);
        if (recordProcessors != null) r.setRecordProcessors(recordProcessors);
        if (zmqHost != null) r.setZmqHost(zmqHost.trim());
        if (zmqIpcPath != null) r.setZmqIpcPath(zmqIpcPath);
    }

    /** -v: debug, -vv or --extra-verbose: trace (AIPerf's -v / -vv); null when not given. */
    private String verbosityLevel() {
        if (extraVerbose || verbose.length >= 2) return "trace";
        return verbose.length == 1 ? "debug" : null;
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("runtime.ui", "--ui-type");
        m.put("runtime.logLevel", "--log-level");
        m.put("runtime.apiPort", "--metrics-port/--api-port");
        m.put("runtime.apiHost", "--api-host");
        m.put("runtime.statsInterval", "--stats-interval");
        m.put("runtime.workers", "--workers-max");
        m.put("runtime.recordProcessors", "--record-processors");
        m.put("runtime.zmqHost", "--zmq-host");
        m.put("runtime.zmqIpcPath", "--zmq-ipc-path");
        return m;
    }

    /** The --runners value, validated (1 when not given). */
    int runners() {
        if (runners == null) return 1;
        if (runners < 1) throw new BadInputException("--runners: must be at least 1, got " + runners);
        return runners;
    }

    /**
     * The run's process settings from the validated spec (its runtime section, flags already applied), with the
     * embedded mock's settings ({@code --mock-server} and its engine flags; {@code engine} null = the mock's defaults).
     */
    RunOptions toRunOptions(BenchmarkSpec spec, MockServerOptions engine) {
        RunOptions options = RunOptions.from(spec, mockServer(engine), System.console() != null);
        if (!options.logLevel().equals("info") && !options.logLevel().equals("error") && !options.logLevel().equals("warn")) {
            System.setProperty("redline.verbose", "true");
        }
        return options;
    }

    /**
     * The in-process mock's options ({@code engine}: its engine settings, null = defaults) with the fault
     * flags, or null without --mock-server (then fault flags are bad input).
     */
    private MockServerOptions mockServer(MockServerOptions engine) {
        if (!embeddedMock) {
            if (mockFaults.given()) throw new BadInputException("--fault and --mock-config configure the built-in mock server; add --mock-server");
            return null;
        }
        return RunOptions.embedded(engine != null ? engine : new MockServerOptions()).faults(mockFaults.faults());
    }
}
