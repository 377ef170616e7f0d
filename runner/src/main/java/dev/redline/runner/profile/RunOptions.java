package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RuntimeSpec;
import dev.redline.runner.mock.MockServerOptions;

/**
 * Process-level settings of a run: the display and logging of this process, read from the spec's runtime section.
 *
 * @param uiType          "dashboard" (live terminal view), "simple" (progress bar) or "none"
 * @param logLevel        error|warn|info|debug|trace
 * @param mockServer      start the built-in mock server in-process with these options and point the run at
 *                        it; null = benchmark the spec's URL
 * @param metricsPort     serve live Prometheus metrics on this port (0 = any free port), null = off
 * @param showTraceTiming show the HTTP trace metrics (http_req_*) in the console table
 * @param metricsHost     address the live metrics endpoint binds to, null = all interfaces
 * @param statsSeconds    seconds between logged progress lines, 0 = none
 * @param variables       the config file's variables, for templates rendered at run start (artifacts.userFiles)
 * @param metricTags      labels on every live series (a runner pod's benchmark, run, runner); empty on a laptop
 * @param serverWait      how long to wait for the server to answer before the run (null: a few seconds, so a
 *                        wrong URL fails fast on a laptop; runner pods wait longer for a model server still starting)
 */
public record RunOptions(String uiType, String logLevel, MockServerOptions mockServer, Integer metricsPort,
                         boolean showTraceTiming, String metricsHost, double statsSeconds, java.util.Map<String, Object> variables,
                         java.util.Map<String, String> metricTags, java.time.Duration serverWait) {
    public RunOptions {
        variables = variables == null ? java.util.Map.of() : java.util.Map.copyOf(variables);
        metricTags = metricTags == null ? java.util.Map.of() : java.util.Map.copyOf(metricTags);
    }

    /** Seconds between logged progress lines without a progress display (AIPerf's non-dashboard default). */
    static final double DEFAULT_STATS_SECONDS_WITHOUT_UI = 30;

    public RunOptions(String uiType, String logLevel, boolean embeddedMock) {
        this(uiType, logLevel, embeddedMock ? embeddedMockDefaults() : null, null, false);
    }

    public RunOptions(String uiType, String logLevel, MockServerOptions mockServer, Integer metricsPort, boolean showTraceTiming) {
        this(uiType, logLevel, mockServer, metricsPort, showTraceTiming, null, 0, null, null, null);
    }

    /**
     * A runner pod's: nothing drawn, progress logged every 30 s, live metrics on {@code metricsPort} labelled with
     * {@code tags}, and {@code serverWait} for a model server that may still be starting.
     */
    public static RunOptions runnerPod(String logLevel, Integer metricsPort, java.util.Map<String, String> tags, java.time.Duration serverWait) {
        return new RunOptions("none", logLevel, null, metricsPort, false, null, DEFAULT_STATS_SECONDS_WITHOUT_UI, null, tags, serverWait);
    }

    /**
     * From a validated spec: the UI defaults to simple on a terminal, none otherwise (a dashboard needs a terminal);
     * progress is logged every 30 s when nothing is drawn, unless runtime.statsInterval says otherwise.
     */
    public static RunOptions from(BenchmarkSpec spec, MockServerOptions mockServer, boolean terminal) {
        RuntimeSpec r = spec.getRuntime() == null ? new RuntimeSpec() : spec.getRuntime();
        String ui = r.getUi() == null ? (terminal ? "simple" : "none") : r.getUi();
        if (ui.equals("dashboard") && !terminal) ui = "simple"; // no terminal to redraw
        String level = r.getLogLevel() == null ? "info" : r.getLogLevel();
        boolean traceTiming = spec.getArtifacts() != null && Boolean.TRUE.equals(spec.getArtifacts().getShowTraceTiming());
        double stats = r.getStatsInterval() != null ? r.getStatsInterval() : ui.equals("none") ? DEFAULT_STATS_SECONDS_WITHOUT_UI : 0;
        return new RunOptions(ui, level, mockServer, r.getApiPort(), traceTiming, r.getApiHost(), stats, null, null, null);
    }

    /** The same options drawing {@code ui} and logging at {@code level} (a sweep's cells under the live table). */
    public RunOptions withDisplay(String ui, String level) {
        return new RunOptions(ui, level, mockServer, metricsPort, showTraceTiming, metricsHost, statsSeconds, variables, metricTags, serverWait);
    }

    /** The same options with another in-process mock server (null: none, benchmark the spec's URL). */
    public RunOptions withMockServer(MockServerOptions mock) {
        return new RunOptions(uiType, logLevel, mock, metricsPort, showTraceTiming, metricsHost, statsSeconds, variables, metricTags, serverWait);
    }

    /** The same options with the config file's variables. */
    public RunOptions withVariables(java.util.Map<String, Object> vars) {
        return new RunOptions(uiType, logLevel, mockServer, metricsPort, showTraceTiming, metricsHost, statsSeconds, vars, metricTags, serverWait);
    }

    /** The in-process mock: any free port, with its simulated DCGM exporter. */
    public static MockServerOptions embeddedMockDefaults() {
        return embedded(new MockServerOptions());
    }

    /** {@code mock} (engine, faults...) as the in-process mock: any free port, with its simulated DCGM exporter. */
    public static MockServerOptions embedded(MockServerOptions mock) {
        return mock.port(0).dcgmPort(0);
    }
}
