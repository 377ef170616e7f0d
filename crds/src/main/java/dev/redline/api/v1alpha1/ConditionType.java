package dev.redline.api.v1alpha1;

/** The condition types a Benchmark reports ({@code kubectl wait --for=condition=Complete}). */
public enum ConditionType {
    Accepted, Running, Progressing, Complete, Failed, SLOMet,
    /** Whether the load generator itself limited the run (its own evidence: send lag, event-loop lag, CPU). */
    ClientSaturated,
    /** Only with spec.baselineRef: whether the run is worse than its baseline (regression gate). */
    Regressed
}
