package dev.redline.plan.search;

import java.util.List;

/**
 * AIPerf's {@code boundary_summary}: on the one swept knob, the highest value that met every SLA filter
 * and the lowest that did not, with the filter that broke first there.
 *
 * @param bindingConstraint   the filter closest to its limit at the boundary (isotonic planner), else null
 * @param estimate            the knob value where the fitted SLA curve crosses its limit (isotonic), else null
 */
public record BoundarySummary(String sweptDimPath, Bound feasibleMax, Bound infeasibleMin, boolean nonMonotonicWarning,
                              String bindingConstraint, Double estimate) {
    /**
     * @param position   index into the history list
     * @param firstBreach index into {@link SearchProblem#observedFilters()} of the first filter that did not hold (infeasible side only), -1 otherwise
     */
    public record Bound(double value, int position, int firstBreach) { }

    /** Highest feasible and lowest infeasible probe of a one-knob SLA search; null otherwise. */
    static BoundarySummary extremes(SearchProblem problem, List<Evaluation> history) {
        if (problem.space().size() != 1 || problem.slaFilters().isEmpty()) return null;
        int fmax = -1, imin = -1;
        for (int i = 0; i < history.size(); i++) {
            Evaluation o = history.get(i);
            if (o.feasible()) {
                if (fmax < 0 || o.value(0) > history.get(fmax).value(0)) fmax = i;
            } else if (imin < 0 || o.value(0) < history.get(imin).value(0)) {
                imin = i;
            }
        }
        return of(problem, history, fmax, imin, false, null, null);
    }

    static BoundarySummary of(SearchProblem problem, List<Evaluation> history, int fmax, int imin, boolean warn,
                              String binding, Double estimate) {
        if (fmax < 0 && imin < 0) return null;
        Bound f = fmax < 0 ? null : new Bound(history.get(fmax).value(0), fmax, -1);
        Bound b = imin < 0 ? null : new Bound(history.get(imin).value(0), imin, firstBreach(problem, history.get(imin)));
        return new BoundarySummary(problem.space().get(0).path(), f, b, warn, binding, estimate);
    }

    /** The first filter (input order) that did not hold at o; -1 when all did. */
    public static int firstBreach(SearchProblem problem, Evaluation o) {
        List<SlaFilter> filters = problem.slaFilters();
        for (int i = 0; i < filters.size(); i++) {
            if (!filters.get(i).holds(o.sla(i))) return i;
        }
        return -1;
    }
}
