package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bayesian}: scrambled Sobol points first, then the point that maximises constrained log expected
 * improvement under a Matern 5/2 Gaussian process (see {@link ConstrainedSurrogate}). Several objectives are
 * scalarised per iteration with seeded random weights (ParEGO's augmented Chebyshev form, Knowles 2006),
 * so successive probes pull the non-dominated set outwards in different directions; the history's
 * hypervolume measures progress. Stops by {@link StoppingRules#check}, or when an all-integer space has
 * been probed everywhere.
 */
public final class BayesianPlanner implements SearchStrategy {
    /** Weight of the linear term in the augmented Chebyshev scalarisation. */
    private static final double RHO = 0.05;
    private final SearchProblem problem;

    public BayesianPlanner(SearchProblem problem) {
        if (problem.initialPoints() >= problem.stopping().maxIterations()) {
            throw new IllegalArgumentException("initial points (" + problem.initialPoints() + ") must be < max iterations ("
                    + problem.stopping().maxIterations() + "), otherwise the Gaussian process never proposes a point");
        }
        this.problem = problem;
    }

    @Override public SearchProblem problem() { return problem; }

    @Override public String name() { return "bayesian"; }

    @Override
    public SearchStep next(List<Evaluation> history) {
        String reason = problem.stopping().check(history, problem);
        if (reason != null) return SearchStep.done(reason);
        SearchSpace space = problem.space();
        List<double[]> probed = new ArrayList<>();
        for (Evaluation o : history) {
            double[] u = space.snapUnit(space.toUnit(o.values()));
            if (probed.stream().noneMatch(p -> AcquisitionOptimizer.same(p, u))) probed.add(u);
        }
        if (probed.size() >= space.cardinality()) return SearchStep.done(ConvergenceReason.SPACE_EXHAUSTED);

        int scored = 0;
        for (Evaluation o : history) if (o.scored()) scored++;
        if (history.size() < problem.initialPoints() || scored < 2) {
            double[] u = nextSobol(history.size(), probed);
            if (u != null) return SearchStep.probe(space.fromUnit(u));
        }
        double[][] x = new double[history.size()][];
        for (int i = 0; i < x.length; i++) x[i] = space.snapUnit(space.toUnit(history.get(i).values()));
        long seed = problem.seed() * 1_000_003L + history.size();
        double[] variance = new double[x.length];
        double[] target = target(history, variance, seed);
        ConstrainedSurrogate model = ConstrainedSurrogate.fit(problem, history, x, target, variance, seed);
        double[] best = AcquisitionOptimizer.maximise(model::acquisition, space, probed, seed);
        if (best == null) return SearchStep.done(ConvergenceReason.SPACE_EXHAUSTED);
        return SearchStep.probe(space.fromUnit(best));
    }

    /** The first Sobol point from {@code start} whose snapped image was not probed yet. */
    private double[] nextSobol(int start, List<double[]> probed) {
        SearchSpace space = problem.space();
        for (int k = start; k < start + 1024; k++) {
            double[] u = space.snapUnit(SobolPoints.point(space.size(), k, problem.seed()));
            if (probed.stream().noneMatch(p -> AcquisitionOptimizer.same(p, u))) return u;
        }
        return null;
    }

    /**
     * The maximised scalar the objective GP models: the objective itself (its variance into
     * {@code variance}), or for several objectives the augmented Chebyshev scalarisation of the
     * range-normalised objectives under this iteration's weights. NaN where not scored.
     */
    double[] target(List<Evaluation> history, double[] variance, long seed) {
        int n = history.size();
        double[] t = new double[n];
        if (!problem.multiObjective()) {
            Direction dir = problem.objectives().get(0).direction();
            for (int i = 0; i < n; i++) {
                Evaluation o = history.get(i);
                t[i] = o.scored() ? dir.toMaximized(o.objective(0)) : Double.NaN;
                variance[i] = o.scored() ? o.objectiveVariance(0) : 0;
            }
            return t;
        }
        int m = problem.objectives().size();
        double[] lo = new double[m], hi = new double[m];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (Evaluation o : history) {
            if (!o.scored()) continue;
            double[] f = problem.maximized(o);
            for (int k = 0; k < m; k++) {
                lo[k] = Math.min(lo[k], f[k]);
                hi[k] = Math.max(hi[k], f[k]);
            }
        }
        double[] w = weights(m, seed);
        for (int i = 0; i < n; i++) {
            Evaluation o = history.get(i);
            if (!o.scored()) {
                t[i] = Double.NaN;
                continue;
            }
            double[] f = problem.maximized(o);
            double min = Double.POSITIVE_INFINITY, sum = 0;
            for (int k = 0; k < m; k++) {
                double z = hi[k] > lo[k] ? (f[k] - lo[k]) / (hi[k] - lo[k]) : 0;
                min = Math.min(min, w[k] * z);
                sum += w[k] * z;
            }
            t[i] = min + RHO * sum;
        }
        return t;
    }

    /** Uniform on the simplex (normalised exponentials), from the iteration's seed. */
    private static double[] weights(int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[m];
        double s = 0;
        for (int k = 0; k < m; k++) {
            w[k] = -Math.log(1.0 - rng.nextDouble());
            s += w[k];
        }
        for (int k = 0; k < m; k++) w[k] /= s;
        return w;
    }
}
