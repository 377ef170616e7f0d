package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.List;

/**
 * {@code monotonic_sla}: for an SLA metric that only worsens as the knob grows, probe exponentially from
 * the lower end until a probe breaks an SLA, then bisect the bracket until it is narrower than the
 * precision (default 5 % of the breaking value) or adjacent integers. O(log range) probes where a grid
 * needs O(range / resolution).
 */
public final class MonotonicSlaPlanner extends OneKnobSlaPlanner {
    public MonotonicSlaPlanner(SearchProblem problem) {
        super(problem, "monotonic_sla");
    }

    @Override
    public SearchStep next(List<Evaluation> history) {
        SearchStep first = start(history);
        if (first != null) return first;
        Knob dim = problem.space().get(0);
        SlaBracket b = SlaBracket.of(history);
        if (b.feasibleMax < 0) {
            // nothing passed yet: the lower end decides whether anything can
            return probedAt(history, dim.min()) ? SearchStep.done(ConvergenceReason.MONOTONIC_NO_PASS_IN_RANGE)
                    : SearchStep.probe(dim.min());
        }
        if (b.infeasibleMin < 0) {
            if (b.low() >= dim.max()) return SearchStep.done(ConvergenceReason.MONOTONIC_NO_FAILURE_IN_RANGE);
            return SearchStep.probe(SlaBracket.grow(dim, b.low()));
        }
        double low = b.low(), high = b.high();
        if (SlaBracket.narrow(dim, low, high, problem.precision())) {
            return SearchStep.done(ConvergenceReason.MONOTONIC_PRECISION_REACHED);
        }
        double mid = SlaBracket.inside(dim, low, high, dim.isInteger() ? low + Math.floor((high - low) / 2) : (low + high) / 2);
        return Double.isNaN(mid) ? SearchStep.done(ConvergenceReason.MONOTONIC_PRECISION_REACHED) : SearchStep.probe(mid);
    }

    @Override
    public BoundarySummary boundary(List<Evaluation> history) {
        SlaBracket b = SlaBracket.of(history);
        return BoundarySummary.of(problem, history, b.feasibleMax, b.infeasibleMin, b.anyWarning(), null, null);
    }

}
