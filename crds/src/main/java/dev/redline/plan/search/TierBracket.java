package dev.redline.plan.search;

/**
 * The bracket of one tier of a multi-tier SLA search while its history is replayed (AIPerf's {@code BracketState}):
 * the highest knob value where the tier held, the lowest where it broke, and whether it has converged.
 */
final class TierBracket {
    final int tier;
    Long feasibleMax;
    Long infeasibleMin;
    boolean converged;
    String reason;
    /** Index into {@link SearchProblem#observedFilters()} of the filter that broke first at infeasibleMin, -1 if none. */
    int bindingFilter = -1;
    /** Position in the history of the iteration that set bindingFilter. */
    int bindingPosition = -1;
    int probeCount;
    boolean nonMonotonic;

    TierBracket(int tier) {
        this.tier = tier;
    }

    void converge(String why) {
        converged = true;
        reason = why;
    }

    boolean bothBounds() {
        return feasibleMax != null && infeasibleMin != null;
    }

    /** AIPerf's convergence_status: converged, partial, no_pass_in_range or no_failure_in_range. */
    String status() {
        if (!converged) return "partial";
        if (MultiTierPlanner.NO_PASS_IN_RANGE.equals(reason)) return "no_pass_in_range";
        if (MultiTierPlanner.NO_FAILURE_IN_RANGE.equals(reason)) return "no_failure_in_range";
        return "converged";
    }
}
