package dev.redline.runner.profile;

import dev.redline.runner.mock.MockServerOptions;

/**
 * Process-level settings of a run that are not part of the benchmark spec.
 *
 * @param uiType          "dashboard" (live terminal view), "simple" (progress bar) or "none"
 * @param logLevel        error|warn|info|debug|trace
 * @param embeddedMock    start the built-in mock server in-process and point the run at it
 * @param metricsPort     serve live Prometheus metrics on this port (0 = any free port), null = off
 * @param showTraceTiming show the HTTP trace metrics (http_req_*) in the console table
 * @param mockServer      settings of the embedded mock (its port and DCGM port are chosen by the run); null = defaults
 */
public record RunOptions(String uiType, String logLevel, boolean embeddedMock, Integer metricsPort,
                         boolean showTraceTiming, MockServerOptions mockServer) {
    public RunOptions(String uiType, String logLevel, boolean embeddedMock) {
        this(uiType, logLevel, embeddedMock, null, false);
    }

    public RunOptions(String uiType, String logLevel, boolean embeddedMock, Integer metricsPort, boolean showTraceTiming) {
        this(uiType, logLevel, embeddedMock, metricsPort, showTraceTiming, null);
    }

    /** The embedded mock's settings: {@link #mockServer} (or the defaults) on any free port, with a DCGM exporter. */
    public MockServerOptions embeddedMockOptions() {
        return (mockServer != null ? mockServer : new MockServerOptions()).port(0).dcgmPort(0);
    }
}
