package dev.redline.plan.search;

import java.util.List;

/**
 * What the one-knob SLA planners share: their preconditions (with messages that say what to use instead),
 * the start of every search (the budget, then the lower end first) and the non-monotonic flags of the
 * latched bracket.
 */
abstract class OneKnobSlaPlanner implements SearchStrategy {
    protected final SearchProblem problem;
    private final String name;

    OneKnobSlaPlanner(SearchProblem problem, String name) {
        if (problem.space().size() != 1) {
            throw new IllegalArgumentException(name + " searches exactly one knob, got " + problem.space().size()
                    + "; use --search-planner bayesian for several");
        }
        if (problem.slaFilters().isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one SLA (--search-sla tag:stat:op:threshold)"
                    + "; use --search-planner bayesian to optimise without one");
        }
        if (problem.multiObjective()) {
            throw new IllegalArgumentException(name + " has one objective, got " + problem.objectives().size()
                    + "; use --search-planner bayesian for a Pareto search");
        }
        this.problem = problem;
        this.name = name;
    }

    @Override public SearchProblem problem() { return problem; }

    @Override public String name() { return name; }

    @Override
    public boolean[] nonMonotonic(List<Evaluation> history) { return SlaBracket.of(history).nonMonotonic; }

    /** Done on the budget, the lower end as the first probe, else null (the planner decides). */
    SearchStep start(List<Evaluation> history) {
        String budget = problem.stopping().budget(history);
        if (budget != null) return SearchStep.done(budget);
        return history.isEmpty() ? SearchStep.probe(problem.space().get(0).min()) : null;
    }

    static boolean probedAt(List<Evaluation> history, double value) {
        for (Evaluation o : history) if (o.value(0) == value) return true;
        return false;
    }
}
