package dev.redline.plan.search;

/** The preconditions the one-knob SLA planners share, with messages that say what to use instead. */
final class OneKnobSla {
    private OneKnobSla() { }

    static void require(SearchProblem problem, String planner) {
        if (problem.space().size() != 1) {
            throw new IllegalArgumentException(planner + " searches exactly one knob, got " + problem.space().size()
                    + "; use --search-planner bayesian for several");
        }
        if (problem.slaFilters().isEmpty()) {
            throw new IllegalArgumentException(planner + " needs at least one SLA (--search-sla tag:stat:op:threshold)"
                    + "; use --search-planner bayesian to optimise without one");
        }
        if (problem.multiObjective()) {
            throw new IllegalArgumentException(planner + " has one objective, got " + problem.objectives().size()
                    + "; use --search-planner bayesian for a Pareto search");
        }
    }
}
