package dev.redline.api.v1alpha1;

/** One word for where a Sweep stands, derived from its conditions. */
public enum SweepPhase {
    /** The spec failed validation (or changed under running cells); nothing more is created. */
    Invalid,
    /** Accepted; no cell has started yet. */
    Pending,
    /** Cells are running or waiting for their turn. */
    Running,
    /** Every cell ran; failed ones are recorded in status.cells. */
    Complete,
    /** No cell produced results, or the warm-pool runner failed. */
    Failed,
    /** Stopped by spec.cancel; the finished cells are kept in status and the results ConfigMap. */
    Cancelled;

    public boolean isFinished() { return this == Complete || this == Failed || this == Invalid || this == Cancelled; }
}
