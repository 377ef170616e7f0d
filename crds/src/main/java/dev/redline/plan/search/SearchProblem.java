package dev.redline.plan.search;

import java.util.List;

/**
 * A resolved, validated search: the space, what to optimise, the SLA filters, when to stop, and the
 * planner knobs. Every planner reads only this and the history, so a planner rebuilt from the same
 * problem and history (an operator restart, {@code --resume}) proposes exactly what it would have.
 *
 * @param initialPoints Sobol points before the Gaussian process is fitted (Bayesian planner)
 * @param seed          scrambles the Sobol points and the multi-objective weights
 * @param precision     relative bracket width at which the SLA planners stop (default 0.05)
 * @param marginZ       standard errors of headroom the isotonic planner keeps under an SLA (default 1.645)
 */
public record SearchProblem(SearchSpace space, List<Objective> objectives, List<SlaFilter> slaFilters,
                            StoppingRules stopping, int initialPoints, long seed, double precision, double marginZ) {
    public static final int MAX_OBJECTIVES = 4;
    public static final double DEFAULT_PRECISION = 0.05;
    public static final double DEFAULT_MARGIN_Z = 1.645;
    public static final int DEFAULT_INITIAL_POINTS = 5;

    public SearchProblem {
        if (space == null) throw new IllegalArgumentException("search needs a search space");
        if (objectives == null || objectives.isEmpty()) throw new IllegalArgumentException("search needs at least one objective");
        if (objectives.size() > MAX_OBJECTIVES) {
            throw new IllegalArgumentException("search supports at most " + MAX_OBJECTIVES + " objectives, got " + objectives.size());
        }
        objectives = List.copyOf(objectives);
        slaFilters = slaFilters == null ? List.of() : List.copyOf(slaFilters);
        if (stopping == null) stopping = StoppingRules.defaults(30);
        if (initialPoints < 1) throw new IllegalArgumentException("initial points must be >= 1, got " + initialPoints);
        if (!(precision > 0 && precision < 1)) throw new IllegalArgumentException("precision must be in (0, 1), got " + precision);
        if (!(marginZ >= 0 && marginZ < 10)) throw new IllegalArgumentException("margin z must be in [0, 10), got " + marginZ);
    }

    public static SearchProblem of(SearchSpace space, List<Objective> objectives, List<SlaFilter> filters, int maxIterations) {
        return new SearchProblem(space, objectives, filters, StoppingRules.defaults(maxIterations),
                DEFAULT_INITIAL_POINTS, 0L, DEFAULT_PRECISION, DEFAULT_MARGIN_Z);
    }

    public SearchProblem withStopping(StoppingRules rules) {
        return new SearchProblem(space, objectives, slaFilters, rules, initialPoints, seed, precision, marginZ);
    }

    public SearchProblem withInitialPoints(int n) {
        return new SearchProblem(space, objectives, slaFilters, stopping, n, seed, precision, marginZ);
    }

    public SearchProblem withSeed(long s) {
        return new SearchProblem(space, objectives, slaFilters, stopping, initialPoints, s, precision, marginZ);
    }

    public SearchProblem withPrecision(double p) {
        return new SearchProblem(space, objectives, slaFilters, stopping, initialPoints, seed, p, marginZ);
    }

    public boolean multiObjective() { return objectives.size() > 1; }

    /** The objective vector of an observation turned so that larger is better everywhere. */
    public double[] maximized(Evaluation o) {
        double[] m = new double[objectives.size()];
        for (int i = 0; i < m.length; i++) m[i] = objectives.get(i).direction().toMaximized(o.objective(i));
        return m;
    }
}
