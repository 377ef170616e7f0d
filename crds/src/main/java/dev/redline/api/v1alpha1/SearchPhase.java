package dev.redline.api.v1alpha1;

/** Where a Search stands. */
public enum SearchPhase {
    /** The spec failed validation; no iteration was started. */
    Invalid,
    /** Accepted; the first iteration is being created. */
    Pending,
    /** An iteration is running or about to start. */
    Running,
    /** The planner stopped (convergence reason in status); the best configuration is in status.best. */
    Complete,
    /** The search could not go on (e.g. an iteration could not be created). */
    Failed,
    /** Stopped by spec.cancel; the history so far is kept. */
    Cancelled;

    public boolean isFinished() { return this == Complete || this == Failed || this == Cancelled; }
}
