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
 * @param tiers         the tiers of a multi-tier SLA search (empty otherwise); {@code slaFilters} apply to each of them
 */
public record SearchProblem(SearchSpace space, List<Objective> objectives, List<SlaFilter> slaFilters,
                            StoppingRules stopping, int initialPoints, long seed, double precision, double marginZ,
                            List<SlaTier> tiers) {
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
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A search without SLA tiers. */
    public SearchProblem(SearchSpace space, List<Objective> objectives, List<SlaFilter> slaFilters,
                         StoppingRules stopping, int initialPoints, long seed, double precision, double marginZ) {
        this(space, objectives, slaFilters, stopping, initialPoints, seed, precision, marginZ, List.of());
    }

    public static SearchProblem of(SearchSpace space, List<Objective> objectives, List<SlaFilter> filters, int maxIterations) {
        return new SearchProblem(space, objectives, filters, StoppingRules.defaults(maxIterations),
                DEFAULT_INITIAL_POINTS, 0L, DEFAULT_PRECISION, DEFAULT_MARGIN_Z);
    }

    public SearchProblem withStopping(StoppingRules rules) {
        return new SearchProblem(space, objectives, slaFilters, rules, initialPoints, seed, precision, marginZ, tiers);
    }

    public SearchProblem withInitialPoints(int n) {
        return new SearchProblem(space, objectives, slaFilters, stopping, n, seed, precision, marginZ, tiers);
    }

    public SearchProblem withSeed(long s) {
        return new SearchProblem(space, objectives, slaFilters, stopping, initialPoints, s, precision, marginZ, tiers);
    }

    public SearchProblem withPrecision(double p) {
        return new SearchProblem(space, objectives, slaFilters, stopping, initialPoints, seed, p, marginZ, tiers);
    }

    public boolean multiTier() { return !tiers.isEmpty(); }

    /**
     * The filters whose statistic every {@link Evaluation} records, in its {@code slaObserved} order: the search's
     * SLA filters, then each tier's own filters in tier order.
     */
    public List<SlaFilter> observedFilters() {
        if (tiers.isEmpty()) return slaFilters;
        List<SlaFilter> all = new java.util.ArrayList<>(slaFilters);
        for (SlaTier t : tiers) all.addAll(t.filters());
        return all;
    }

    /**
     * Whether tier {@code t} holds on these observed values (its filters and the search's SLA filters); tier -1 is
     * the search's SLA filters alone.
     */
    public boolean tierHolds(int t, double[] observed) {
        for (int i = 0; i < slaFilters.size(); i++) if (!slaFilters.get(i).holds(observed[i])) return false;
        if (t < 0) return true;
        int at = slaFilters.size();
        for (int k = 0; k < t; k++) at += tiers.get(k).filters().size();
        List<SlaFilter> own = tiers.get(t).filters();
        for (int i = 0; i < own.size(); i++) if (!own.get(i).holds(observed[at + i])) return false;
        return true;
    }

    /** An iteration is feasible when its SLA filters hold; with tiers, when any tier holds (as AIPerf's multi-tier search). */
    public boolean feasible(double[] observed) {
        if (tiers.isEmpty()) return tierHolds(-1, observed);
        for (int t = 0; t < tiers.size(); t++) if (tierHolds(t, observed)) return true;
        return false;
    }

    public boolean multiObjective() { return objectives.size() > 1; }

    /** The objective vector of an observation turned so that larger is better everywhere. */
    public double[] maximized(Evaluation o) {
        double[] m = new double[objectives.size()];
        for (int i = 0; i < m.length; i++) m[i] = objectives.get(i).direction().toMaximized(o.objective(i));
        return m;
    }
}
