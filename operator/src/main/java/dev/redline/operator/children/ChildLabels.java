package dev.redline.operator.children;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels on every child; the operator's informers select on {@link #MANAGED_BY}. */
public final class ChildLabels {
    public static final String MANAGED_BY_KEY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "redline-operator";
    /** Label selector of the operator's Job and ConfigMap informers. */
    public static final String MANAGED_BY = MANAGED_BY_KEY + "=" + MANAGED_BY_VALUE;
    public static final String BENCHMARK_KEY = "redline.dev/benchmark";
    public static final String COMPONENT_KEY = "app.kubernetes.io/component";
    /** The run (status.run) a Job, its pods and its spec ConfigMap belong to. */
    public static final String RUN_KEY = "redline.dev/run";

    private ChildLabels() { }

    public static Map<String, String> forComponent(String benchmark, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "redline");
        labels.put(MANAGED_BY_KEY, MANAGED_BY_VALUE);
        labels.put(BENCHMARK_KEY, benchmark);
        labels.put(COMPONENT_KEY, component);
        return labels;
    }

    /** {@link #forComponent} plus the run label. */
    public static Map<String, String> forRun(String benchmark, String component, int run) {
        Map<String, String> labels = forComponent(benchmark, component);
        labels.put(RUN_KEY, Integer.toString(run));
        return labels;
    }

    /** Selects the runner pods of one Benchmark, every run (headless Service selector). */
    public static Map<String, String> runnerSelector(String benchmark) {
        return Map.of(BENCHMARK_KEY, benchmark, COMPONENT_KEY, "runner");
    }
}
