package dev.redline.runner.profile;

/**
 * Process-level settings of a run that are not part of the benchmark spec.
 *
 * @param uiType       "simple" (progress bar) or "none"
 * @param logLevel     error|warn|info|debug|trace
 * @param embeddedMock start the built-in mock server in-process and point the run at it
 */
public record RunOptions(String uiType, String logLevel, boolean embeddedMock) {
}
