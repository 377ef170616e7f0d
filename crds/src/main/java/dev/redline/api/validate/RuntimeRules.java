package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.RuntimeSpec;

import java.util.List;

/** The runner process: event loops, record workers, display, log level, live endpoint. */
final class RuntimeRules implements ValidationRule {
    static final List<String> UI = List.of("dashboard", "simple", "none");
    static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        RuntimeSpec r = spec.getRuntime();
        if (r == null) return;
        if (r.getUi() != null && !UI.contains(r.getUi())) {
            out.add("runtime.ui", "unknown UI '" + r.getUi() + "'; use dashboard, simple or none (CLI: --ui-type)");
        }
        if (r.getLogLevel() != null && !LOG_LEVELS.contains(r.getLogLevel())) {
            out.add("runtime.logLevel", "unknown level '" + r.getLogLevel() + "'; use error, warn, info, debug or trace (CLI: --log-level)");
        }
        if (r.getApiPort() != null && (r.getApiPort() < 0 || r.getApiPort() > 65535)) {
            out.add("runtime.apiPort", r.getApiPort() + " is not a port; use 1-65535, or 0 for any free port (CLI: --api-port)");
        }
        if (r.getApiHost() != null && r.getApiHost().isBlank()) out.add("runtime.apiHost", "the host is empty; give an address like 0.0.0.0");
        if (r.getStatsInterval() != null && !(r.getStatsInterval() >= 0 && r.getStatsInterval() <= 1000)) {
            out.add("runtime.statsInterval", "must be between 0 and 1000 seconds, got " + r.getStatsInterval() + " (CLI: --stats-interval)");
        }
        if (r.getZmqHost() != null && r.getZmqHost().isBlank()) out.add("runtime.zmqHost", "the host is empty; give an address like 127.0.0.1");
    }
}
