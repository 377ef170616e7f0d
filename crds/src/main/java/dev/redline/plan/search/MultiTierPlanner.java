package dev.redline.plan.search;

import dev.redline.plan.Knob;

import java.util.ArrayList;
import java.util.List;

/**
 * AIPerf's multi-tier SLA search ({@code --search-sla-tier}, 2 to 10 tiers) on one integer knob: probe the lower end
 * and double until some tier breaks, then probe the midpoint of the widest open tier bracket until every tier's
 * bracket is adjacent integers or narrower than the precision (of its upper end). Each probe is judged against every
 * tier at once (its filters plus the search's SLA filters), and the tier ordering spares probes a stricter or more
 * lenient tier already answers. Stateless as every planner: the history is replayed through the same ask/absorb
 * steps AIPerf takes, so a resumed search or an operator restart proposes exactly the same next probe.
 */
public final class MultiTierPlanner implements SearchStrategy {
    public static final String NAME = "multi_tier";
    static final String NO_PASS_IN_RANGE = "no_pass_in_range";
    static final String NO_FAILURE_IN_RANGE = "no_failure_in_range";
    static final String PRECISION_REACHED = "multi_tier_precision_reached";

    private final SearchProblem problem;
    private final Knob dim;

    public MultiTierPlanner(SearchProblem problem) {
        if (problem.tiers().size() < 2) throw new IllegalArgumentException("a multi-tier search needs at least 2 tiers, got " + problem.tiers().size());
        if (problem.space().size() != 1) {
            throw new IllegalArgumentException("a multi-tier search has exactly one knob, got " + problem.space().size());
        }
        if (!problem.space().get(0).isInteger()) {
            throw new IllegalArgumentException("a multi-tier search needs an integer knob (kind int), got real on " + problem.space().get(0).path());
        }
        this.problem = problem;
        this.dim = problem.space().get(0);
    }

    @Override public SearchProblem problem() { return problem; }

    @Override public String name() { return NAME; }

    @Override
    public SearchStep next(List<Evaluation> history) {
        return replay(history).ask();
    }

    @Override
    public boolean[] nonMonotonic(List<Evaluation> history) { return replay(history).nonMonotonic; }

    /** The most lenient tier's bracket (highest feasible value, else the last tier), as AIPerf's boundary_summary. */
    @Override
    public BoundarySummary boundary(List<Evaluation> history) {
        if (history.isEmpty()) return null;
        Replay r = replay(history);
        TierBracket best = null;
        for (TierBracket b : r.brackets) {
            if (b.feasibleMax != null && (best == null || b.feasibleMax > best.feasibleMax)) best = b;
        }
        if (best == null) best = r.brackets.get(r.brackets.size() - 1);
        boolean warn = r.brackets.stream().anyMatch(b -> b.nonMonotonic);
        BoundarySummary.Bound f = bound(history, best.feasibleMax, -1);
        BoundarySummary.Bound i = bound(history, best.infeasibleMin, best.bindingFilter);
        if (f == null && i == null) return null;
        return new BoundarySummary(dim.path(), f, i, warn, null, null);
    }

    /**
     * Every tier's bracket after the history, in tier order; for a finished search also after the final ask, which
     * settles the tiers it finds done (a tier passing at the upper end becomes no_failure_in_range), as AIPerf reports them.
     */
    List<TierBracket> brackets(List<Evaluation> history, boolean finished) {
        Replay r = replay(history);
        if (finished) r.ask();
        return r.brackets;
    }

    /** The pairs {strict, lenient} of tier indexes the ordering still trusts after the history. */
    List<int[]> orderedPairs(List<Evaluation> history) { return replay(history).ordering.active(); }

    /** The first position in the history that probed this value, -1 if none. */
    static int positionOf(List<Evaluation> history, Long value) {
        if (value == null) return -1;
        for (int i = 0; i < history.size(); i++) if (history.get(i).value(0) == value) return i;
        return -1;
    }

    private static BoundarySummary.Bound bound(List<Evaluation> history, Long value, int breach) {
        if (value == null) return null;
        int at = positionOf(history, value);
        return at < 0 ? null : new BoundarySummary.Bound(value, at, breach);
    }

    private Replay replay(List<Evaluation> history) {
        Replay r = new Replay(history.size());
        for (int i = 0; i < history.size(); i++) {
            r.ask(); // asking moves brackets too (a tier whose bracket closed converges), exactly as before the probe ran
            r.absorb(history, i);
        }
        return r;
    }

    /** The planner's state after some iterations: AIPerf's ask/tell loop, run forward over the history. */
    private final class Replay {
        final List<TierBracket> brackets = new ArrayList<>();
        final TierOrdering ordering = new TierOrdering(problem.tiers());
        final boolean[] nonMonotonic;
        boolean bisecting;
        long nextValue = (long) dim.min();
        int iterations;
        String reason;

        Replay(int size) {
            for (int t = 0; t < problem.tiers().size(); t++) brackets.add(new TierBracket(t));
            nonMonotonic = new boolean[size];
        }

        SearchStep ask() {
            if (converged()) return SearchStep.done(reason);
            if (!bisecting) return SearchStep.probe(nextValue);
            Long probe = widestMidpoint();
            if (probe == null) probe = missingBound();
            if (probe == null) {
                reason = ConvergenceReason.MULTI_TIER_ALL_CONVERGED;
                return SearchStep.done(reason);
            }
            return SearchStep.probe(probe);
        }

        private boolean converged() {
            if (reason != null) return true;
            if (iterations >= problem.stopping().maxIterations()) {
                reason = ConvergenceReason.MAX_ITERATIONS;
                return true;
            }
            if (brackets.stream().allMatch(b -> b.converged)) {
                reason = ConvergenceReason.MULTI_TIER_ALL_CONVERGED;
                return true;
            }
            return false;
        }

        /** Midpoint of the widest bracket that is open on both sides; a bracket of adjacent integers converges. */
        private Long widestMidpoint() {
            while (true) {
                TierBracket widest = null;
                for (TierBracket b : brackets) {
                    if (b.converged || !b.bothBounds() || b.infeasibleMin <= b.feasibleMax) continue;
                    if (widest == null || gap(b) > gap(widest)) widest = b;
                }
                if (widest == null) return null;
                if (gap(widest) <= 1) {
                    widest.converge(PRECISION_REACHED);
                    continue;
                }
                return widest.feasibleMax + gap(widest) / 2;
            }
        }

        private static long gap(TierBracket b) { return b.infeasibleMin - b.feasibleMax; }

        /** A probe towards the missing side of a tier that has only one bound: double up, or halve down. */
        private Long missingBound() {
            long hi = (long) dim.max(), lo = (long) dim.min();
            for (TierBracket b : brackets) {
                if (b.converged) continue;
                if (b.feasibleMax != null && b.infeasibleMin == null) {
                    long candidate = Math.min(b.feasibleMax * 2, hi);
                    if (candidate > b.feasibleMax) return candidate;
                    b.feasibleMax = hi;
                    b.converge(NO_FAILURE_IN_RANGE);
                    continue;
                }
                if (b.infeasibleMin != null && b.feasibleMax == null) {
                    long candidate = Math.max(b.infeasibleMin / 2, lo);
                    if (candidate < b.infeasibleMin) return candidate;
                }
            }
            return null;
        }

        void absorb(List<Evaluation> history, int position) {
            Evaluation e = history.get(position);
            long value = Math.round(e.value(0));
            double[] observed = e.slaObserved();
            boolean[] verdicts = new boolean[brackets.size()];
            for (TierBracket b : brackets) {
                boolean holds = problem.tierHolds(b.tier, observed);
                verdicts[b.tier] = holds;
                if (b.converged) continue;
                boolean warned = b.nonMonotonic;
                b.probeCount++;
                update(b, value, holds, e, position);
                if (b.nonMonotonic && !warned) nonMonotonic[position] = true;
            }
            for (int t = 0; t < verdicts.length; t++) {
                if (brackets.get(t).converged) continue;
                if (verdicts[t]) ordering.propagatePass(t, value, brackets);
                else ordering.propagateFail(t, value, brackets);
            }
            closeBrackets();
            if (!bisecting) advanceRamp(value, verdicts);
            iterations++;
        }

        private void update(TierBracket b, long value, boolean holds, Evaluation e, int position) {
            if (holds) {
                if (b.infeasibleMin != null && value >= b.infeasibleMin) b.nonMonotonic = true;
                if (b.feasibleMax == null || value > b.feasibleMax) b.feasibleMax = value;
            } else {
                if (b.feasibleMax != null && value <= b.feasibleMax) b.nonMonotonic = true;
                if (b.infeasibleMin == null || value < b.infeasibleMin) {
                    b.infeasibleMin = value;
                    int breach = firstBreach(b.tier, e.slaObserved());
                    if (breach >= 0) {
                        b.bindingFilter = breach;
                        b.bindingPosition = position;
                    }
                }
            }
        }

        /** A bracket narrower than the precision converges; an inverted one (non-monotone evidence) drops its upper end. */
        private void closeBrackets() {
            for (TierBracket b : brackets) {
                if (b.converged || !b.bothBounds()) continue;
                if (b.feasibleMax >= b.infeasibleMin) {
                    b.nonMonotonic = true;
                    b.infeasibleMin = null;
                    b.bindingFilter = -1;
                    b.bindingPosition = -1;
                    continue;
                }
                long gap = gap(b);
                if (gap <= 1 || (b.infeasibleMin > 0 && (double) gap / b.infeasibleMin < problem.precision())) {
                    b.converge(PRECISION_REACHED);
                }
            }
        }

        private void advanceRamp(long value, boolean[] verdicts) {
            boolean allPass = true;
            for (boolean v : verdicts) allPass &= v;
            if (!allPass) {
                if (brackets.stream().noneMatch(b -> b.feasibleMax != null)) {
                    for (TierBracket b : brackets) if (!b.converged) b.converge(NO_PASS_IN_RANGE);
                    reason = ConvergenceReason.MULTI_TIER_ALL_CONVERGED;
                    return;
                }
                bisecting = true;
                return;
            }
            long hi = (long) dim.max();
            long next = Math.max(value * 2, value + 1);
            if (next < hi) {
                nextValue = next;
            } else if (value < hi) {
                nextValue = hi;
            } else {
                for (TierBracket b : brackets) {
                    if (b.converged) continue;
                    b.feasibleMax = b.feasibleMax == null ? hi : Math.max(b.feasibleMax, hi);
                    b.converge(NO_FAILURE_IN_RANGE);
                }
                reason = ConvergenceReason.MULTI_TIER_ALL_CONVERGED;
            }
        }
    }

    /** The first filter of the tier (its own, then the search's) that does not hold, as an observedFilters index; -1 if none. */
    int firstBreach(int tier, double[] observed) {
        List<SlaFilter> all = problem.observedFilters();
        int at = problem.slaFilters().size();
        for (int k = 0; k < tier; k++) at += problem.tiers().get(k).filters().size();
        for (int i = 0; i < problem.tiers().get(tier).filters().size(); i++) {
            if (!all.get(at + i).holds(observed[at + i])) return at + i;
        }
        for (int i = 0; i < problem.slaFilters().size(); i++) if (!all.get(i).holds(observed[i])) return i;
        return -1;
    }
}
