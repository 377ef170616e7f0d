package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How this process behaves while running (not part of the benchmark spec). */
public class RuntimeOptions {
    @Option(names = "--ui-type", paramLabel = "dashboard|simple|none",
            description = "Progress display: dashboard (live view of rate, in flight, errors, TTFT/ITL), simple (default on a terminal) or none.")
    String uiType;

    @Option(names = "-v", description = "Verbose output; -vv for trace output.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "error, warn, info (default), debug or trace.")
    String logLevel;

    @Option(names = "--mock-server", description = "Start the built-in mock server in-process and benchmark it (ignores --url).")
    boolean embeddedMock;

    @Mixin MockFaultOptions mockFaults = new MockFaultOptions();

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve live Prometheus metrics of the run at http://<host>:PORT/metrics (0 = any free port).")
    Integer metricsPort;

    @Option(names = "--show-trace-timing", description = "Show the HTTP trace metrics (http_req_*) in the console table.")
    boolean showTraceTiming;

    @Option(names = "--runners", paramLabel = "N",
            description = "Runner processes sharing the load (default 1): this one coordinates, N-1 agents start beside it.")
    Integer runners;

    /** The --runners value, validated (1 when not given). */
    int runners() {
        if (runners == null) return 1;
        if (runners < 1) throw new BadInputException("--runners: must be at least 1, got " + runners);
        return runners;
    }

    RunOptions toRunOptions() {
        return toRunOptions(null);
    }

    /** With the embedded mock's settings ({@code --mock-server} and its engine flags); null = the mock's defaults. */
    RunOptions toRunOptions(MockServerOptions mock) {
        String level = logLevel;
        if (level == null) level = verbose.length >= 2 ? "trace" : verbose.length == 1 ? "debug" : "info";
        if (!java.util.Set.of("error", "warn", "info", "debug", "trace").contains(level)) {
            throw new BadInputException("--log-level: unknown level '" + logLevel + "'; use error, warn, info, debug or trace");
        }
        String ui = uiType == null ? (System.console() != null ? "simple" : "none") : uiType;
        if (!ui.equals("simple") && !ui.equals("none") && !ui.equals("dashboard")) {
            throw new BadInputException("--ui-type: unknown UI '" + uiType + "'; use dashboard, simple or none");
        }
        if (ui.equals("dashboard") && System.console() == null) ui = "simple"; // no terminal to redraw
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new BadInputException("--metrics-port: " + metricsPort + " is not a port; use 1-65535, or 0 for any free port");
        }
        if (!level.equals("info") && !level.equals("error") && !level.equals("warn")) System.setProperty("redline.verbose", "true");
        return new RunOptions(ui, level, mockServer(mock), metricsPort, showTraceTiming);
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
