package dev.redline.plan.search;

import java.util.List;

/**
 * The Bayesian planner's model of a history: one Gaussian process for the (scalarised, maximised)
 * objective and one per SLA filter for its scaled signed violation. The acquisition is constrained log EI,
 * {@code log EI(x) + sum_c log P(violation_c(x) <= 0)}; until some probe is feasible it is the log
 * probability of feasibility alone, so the search first finds the feasible region (feasibility first).
 * A failed iteration enters the objective at the worst scored value and every constraint as violated.
 */
final class ConstrainedSurrogate {
    private final GaussianProcess objective;
    private final GaussianProcess[] constraints;
    private final double incumbent;

    private ConstrainedSurrogate(GaussianProcess objective, GaussianProcess[] constraints, double incumbent) {
        this.objective = objective;
        this.constraints = constraints;
        this.incumbent = incumbent;
    }

    /**
     * @param x       snapped unit points of every iteration
     * @param target  maximised scalar objective per iteration (NaN where not scored)
     * @param targetVariance its variance (multi-run standard error squared; 0 when unknown)
     */
    static ConstrainedSurrogate fit(SearchProblem problem, List<Evaluation> history, double[][] x, double[] target,
                                    double[] targetVariance, long seed) {
        int n = history.size();
        double worst = Double.POSITIVE_INFINITY;
        for (double t : target) if (Double.isFinite(t)) worst = Math.min(worst, t);
        double[] y = new double[n];
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(target[i]);
            y[i] = ok ? target[i] : worst;
            var[i] = ok ? targetVariance[i] : 0;
        }
        GaussianProcess obj = GaussianProcess.fit(x, y, var, seed);

        List<SlaFilter> filters = problem.slaFilters();
        GaussianProcess[] cons = new GaussianProcess[filters.size()];
        for (int c = 0; c < cons.length; c++) {
            double maxSeen = 0;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = filters.get(c).scaledViolation(history.get(i).sla(c));
                if (Double.isFinite(v[i])) maxSeen = Math.max(maxSeen, v[i]);
            }
            for (int i = 0; i < n; i++) if (!Double.isFinite(v[i])) v[i] = maxSeen + 1;
            cons[c] = GaussianProcess.fit(x, v, null, seed + 31L * (c + 1));
        }

        double inc = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (history.get(i).feasible() && Double.isFinite(target[i])) inc = Math.max(inc, obj.predict(x[i]).mean());
        }
        return new ConstrainedSurrogate(obj, cons, inc);
    }

    boolean hasFeasibleIncumbent() { return incumbent > Double.NEGATIVE_INFINITY; }

    double acquisition(double[] u) {
        double logFeasible = 0;
        for (GaussianProcess c : constraints) {
            GaussianProcess.Prediction p = c.predict(u);
            logFeasible += LogExpectedImprovement.logNormalCdf(-p.mean() / p.sd());
        }
        if (!hasFeasibleIncumbent()) return logFeasible;
        GaussianProcess.Prediction p = objective.predict(u);
        return LogExpectedImprovement.logEi(p.mean(), p.sd(), incumbent) + logFeasible;
    }
}
