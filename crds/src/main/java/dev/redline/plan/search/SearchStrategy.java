package dev.redline.plan.search;

import java.util.List;

/**
 * A search strategy: from the finished iterations it proposes the next knob values or says it is done
 * and why. Implementations hold no mutable state, so the history alone (files on disk, child Benchmarks
 * in a cluster) rebuilds a planner exactly.
 */
public interface SearchStrategy {
    SearchProblem problem();

    /** The planner's name as {@code --search-planner} spells it. */
    String name();

    SearchStep next(List<Evaluation> history);

    /**
     * The SLA boundary on a one-knob space (AIPerf's {@code boundary_summary}), null for several knobs or
     * no SLA. By default the highest feasible and lowest infeasible probe; the SLA planners report their
     * own bracket.
     */
    default BoundarySummary boundary(List<Evaluation> history) {
        return BoundarySummary.extremes(problem(), history);
    }

    /** Per iteration: whether its verdict contradicted the bracket found before it (non-monotone SLA). */
    default boolean[] nonMonotonic(List<Evaluation> history) {
        return new boolean[history.size()];
    }
}
