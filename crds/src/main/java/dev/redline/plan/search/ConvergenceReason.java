package dev.redline.plan.search;

/** The {@code convergence_reason} strings of {@code search_history.json}, spelled as AIPerf spells them. */
public final class ConvergenceReason {
    public static final String MAX_ITERATIONS = "max_iterations";
    public static final String IMPROVEMENT_PATIENCE = "improvement_patience";
    public static final String PLATEAU_CV = "plateau_cv";
    public static final String MONOTONIC_PRECISION_REACHED = "monotonic_precision_reached";
    public static final String MONOTONIC_NO_PASS_IN_RANGE = "monotonic_no_pass_in_range";
    public static final String MONOTONIC_NO_FAILURE_IN_RANGE = "monotonic_no_failure_in_range";
    public static final String SMOOTH_ISOTONIC_PRECISION_REACHED = "smooth_isotonic_precision_reached";
    public static final String SMOOTH_ISOTONIC_NO_PASS_IN_RANGE = "smooth_isotonic_no_pass_in_range";
    public static final String SMOOTH_ISOTONIC_NO_FAILURE_IN_RANGE = "smooth_isotonic_no_failure_in_range";
    /** The multi-tier search: every tier's bracket converged (or a tier found no pass / no failure in range). */
    public static final String MULTI_TIER_ALL_CONVERGED = "multi_tier_all_converged";
    /** Ours: a grid planner ran every point of its grid (AIPerf's grid style is a plain sweep and has no reason). */
    public static final String GRID_EXHAUSTED = "grid_exhausted";
    /** Ours: every point of an all-integer space has been probed. */
    public static final String SPACE_EXHAUSTED = "space_exhausted";
    /** Ours: the run was interrupted (Ctrl-C) before the planner stopped; the history is partial. */
    public static final String INTERRUPTED = "interrupted";

    private ConvergenceReason() { }
}
