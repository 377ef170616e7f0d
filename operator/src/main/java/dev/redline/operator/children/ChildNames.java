package dev.redline.operator.children;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.RunnerEnvironment;

/**
 * Deterministic child names: the same Benchmark and run always map to the same objects, so reconcile never
 * duplicates. Objects of one run carry its number ({@code <name>-<run>} Job, {@code <name>-spec-<run>}), so
 * an old run's children are never taken for the new run's; the results ConfigMap {@code <name>-results}
 * always holds the current run (earlier runs are copied to {@code <name>-results-<run>}).
 */
public record ChildNames(String benchmark, int run) {
    /** Port the coordinator (index 0) listens on for agents. */
    public static final int COORDINATOR_PORT = RunnerEnvironment.COORDINATOR_PORT;

    /** The names of the Benchmark's current run (status.run; 1 before the first). */
    public static ChildNames of(Benchmark bm) {
        Integer run = bm.getStatus() == null ? null : bm.getStatus().getRun();
        return new ChildNames(bm.getMetadata().getName(), run == null ? 1 : run);
    }

    /** Objects of an owner that has one run only (a Sweep's warm pool and aggregate). */
    public ChildNames(String owner) { this(owner, 1); }

    public ChildNames forRun(int other) { return new ChildNames(benchmark, other); }

    public String job() { return benchmark + "-" + run; }
    public String specConfigMap() { return benchmark + "-spec-" + run; }
    public String resultsConfigMap() { return benchmark + "-results"; }
    /** Where this run's results are kept once a later run started. */
    public String archivedResults() { return benchmark + "-results-" + run; }
    /** ServiceAccount, Role and RoleBinding of the runner pods share this name. */
    public String runnerIdentity() { return benchmark + "-runner"; }
    public String headlessService() { return benchmark + "-runners"; }
    /** Address agents dial: pod 0's stable DNS name under the headless Service. */
    public String coordinatorAddress() { return job() + "-0." + headlessService() + ":" + COORDINATOR_PORT; }
}
