package dev.redline.runner.profile;

import dev.redline.runner.mock.MockServerOptions;

/**
 * Process-level settings of a run that are not part of the benchmark spec.
 *
 * @param uiType          "dashboard" (live terminal view), "simple" (progress bar) or "none"
 * @param logLevel        error|warn|info|debug|trace
 * @param mockServer      start the built-in mock server in-process with these options and point the run at
 *                        it; null = benchmark the spec's URL
 * @param metricsPort     serve live Prometheus metrics on this port (0 = any free port), null = off
 * @param showTraceTiming show the HTTP trace metrics (http_req_*) in the console table
 * @param metricTags      labels on every live series (a runner pod's benchmark, run, runner); empty on a laptop
 * @param serverWait      how long to wait for the server to answer before the run (null: a few seconds, so a
 *                        wrong URL fails fast on a laptop; runner pods wait longer for a model server still starting)
 */
public record RunOptions(String uiType, String logLevel, MockServerOptions mockServer, Integer metricsPort,
                         boolean showTraceTiming, java.util.Map<String, String> metricTags, java.time.Duration serverWait) {
    public RunOptions {
        metricTags = metricTags == null ? java.util.Map.of() : java.util.Map.copyOf(metricTags);
    }

    public RunOptions(String uiType, String logLevel, MockServerOptions mockServer, Integer metricsPort, boolean showTraceTiming) {
        this(uiType, logLevel, mockServer, metricsPort, showTraceTiming, java.util.Map.of(), null);
    }

    public RunOptions(String uiType, String logLevel, boolean embeddedMock) {
        this(uiType, logLevel, embeddedMock ? embeddedMockDefaults() : null, null, false);
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
