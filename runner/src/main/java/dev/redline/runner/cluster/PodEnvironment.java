package dev.redline.runner.cluster;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.runner.BadInputException;

import java.util.Map;

/**
 * What a runner pod learns from its environment: its index in the Indexed Job ({@code JOB_COMPLETION_INDEX},
 * 0 = coordinator), its namespace ({@code REDLINE_NAMESPACE}, from the downward API) and optional settings
 * ({@code REDLINE_COORDINATOR}, {@code REDLINE_RUNNERS}, {@code REDLINE_ARTIFACTS_DIR}, {@code REDLINE_API_KEY}).
 */
public record PodEnvironment(Map<String, String> env) {
    public static PodEnvironment system() { return new PodEnvironment(System.getenv()); }

    public int index() {
        String v = require(RunnerEnvironment.JOB_COMPLETION_INDEX, "the Indexed Job sets it on every pod (0 = coordinator)");
        try {
            int i = Integer.parseInt(v.trim());
            if (i < 0) throw new NumberFormatException();
            return i;
        } catch (NumberFormatException e) {
            throw new BadInputException("JOB_COMPLETION_INDEX: '" + v + "' is not a runner index (0, 1, 2, ...)");
        }
    }

    public String namespace() {
        return require(RunnerEnvironment.NAMESPACE, "set it from the downward API (fieldRef metadata.namespace)");
    }

    /** {@code REDLINE_METRICS_PORT}: the port to serve live metrics on, or null (none). */
    public Integer metricsPort() {
        String v = get(RunnerEnvironment.METRICS_PORT);
        if (v == null) return null;
        try {
            int port = Integer.parseInt(v);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new BadInputException(RunnerEnvironment.METRICS_PORT + ": '" + v + "' is not a port; use 1-65535, or 0 for any free port");
        }
    }

    /**
     * Labels on this pod's live series, so that any Prometheus scrape (annotations or a PodMonitor) can tell
     * Benchmarks, runs and runner pods apart: {@code benchmark}, {@code run}, {@code runner}.
     */
    public Map<String, String> metricTags() {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        if (get(RunnerEnvironment.BENCHMARK) != null) tags.put("benchmark", get(RunnerEnvironment.BENCHMARK));
        if (get(RunnerEnvironment.RUN) != null) tags.put("run", get(RunnerEnvironment.RUN));
        if (get(RunnerEnvironment.JOB_COMPLETION_INDEX) != null) tags.put("runner", Integer.toString(index()));
        return tags;
    }

    /** A variable's value, or null when unset or blank. */
    public String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private String require(String name, String fix) {
        String v = get(name);
        if (v == null) throw new BadInputException(name + ": environment variable not set; " + fix);
        return v;
    }
}
