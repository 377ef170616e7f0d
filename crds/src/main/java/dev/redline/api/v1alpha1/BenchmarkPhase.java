package dev.redline.api.v1alpha1;

/** One word for where a Benchmark stands, derived from its conditions. */
public enum BenchmarkPhase {
    /** The spec failed validation; nothing was created. */
    Invalid,
    /** Accepted; the runner Job and its pods are being created. */
    Pending,
    /** Runner pods exist but none runs yet (scheduling, image pull); the Running condition says why. */
    Starting,
    /** At least one runner pod is running. */
    Running,
    /** All runners finished and the results are in status. */
    Complete,
    /** A runner failed, the deadline passed, or the results never arrived. */
    Failed,
    /** Stopped by spec.cancel; partial results are kept. */
    Cancelled;

    public boolean isFinished() {
        return this == Complete || this == Failed || this == Cancelled;
    }
}
