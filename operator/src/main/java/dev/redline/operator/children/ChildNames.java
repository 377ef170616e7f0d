package dev.redline.operator.children;

import dev.redline.api.v1alpha1.RunnerEnvironment;

import dev.redline.api.v1alpha1.Benchmark;

/** Deterministic child names: the same Benchmark always maps to the same objects, so reconcile never duplicates. */
public record ChildNames(String benchmark) {
    /** Port the coordinator (index 0) listens on for agents. */
    public static final int COORDINATOR_PORT = RunnerEnvironment.COORDINATOR_PORT;

    public static ChildNames of(Benchmark bm) {
        return new ChildNames(bm.getMetadata().getName());
    }

    public String job() { return benchmark; }
    public String specConfigMap() { return benchmark + "-spec"; }
    public String resultsConfigMap() { return benchmark + "-results"; }
    /** ServiceAccount, Role and RoleBinding of the runner pods share this name. */
    public String runnerIdentity() { return benchmark + "-runner"; }
    public String headlessService() { return benchmark + "-runners"; }
    /** Address agents dial: pod 0's stable DNS name under the headless Service. */
    public String coordinatorAddress() { return job() + "-0." + headlessService() + ":" + COORDINATOR_PORT; }
}
