package dev.redline.runner.profile;

/**
 * Process-level settings of a run that are not part of the benchmark spec.
 *
 * @param uiType          "dashboard" (live terminal view), "simple" (progress bar) or "none"
 * @param logLevel        error|warn|info|debug|trace
 * @param embeddedMock    start the built-in mock server in-process and point the run at it
 * @param metricsPort     serve live Prometheus metrics on this port (0 = any free port), null = off
 * @param showTraceTiming show the HTTP trace metrics (http_req_*) in the console table
 */
public record RunOptions(String uiType, String logLevel, boolean embeddedMock, Integer metricsPort,
                         boolean showTraceTiming) {
    public RunOptions(String uiType, String logLevel, boolean embeddedMock) {
        this(uiType, logLevel, embeddedMock, null, false);
    }
}
