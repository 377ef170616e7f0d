package dev.redline.plan.search;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

import java.util.SplittableRandom;

/**
 * Type-II maximum likelihood for the Gaussian process: log signal variance, log length scales and log
 * noise variance maximise the log marginal likelihood inside fixed bounds, by BOBYQA (derivative-free,
 * bound-constrained) from a default start plus seeded random starts. The bounds keep a handful of points
 * from choosing a degenerate model (length scales far below the probe spacing, or all noise).
 */
final class GpHyperparameterFit {
    static final double MIN_SIGNAL = 0.05, MAX_SIGNAL = 20;
    static final double MIN_LENGTH = 0.02, MAX_LENGTH = 5;
    static final double MIN_NOISE = 1e-6, MAX_NOISE = 0.5;
    private static final int RANDOM_STARTS = 3;
    private static final int EVALS_PER_START = 400;

    private GpHyperparameterFit() { }

    static GaussianProcess.Hyperparameters maximise(double[][] x, double[] y, double[] variance, long seed) {
        int d = x[0].length;
        int p = d + 2;
        double[] lo = new double[p];
        double[] hi = new double[p];
        lo[0] = Math.log(MIN_SIGNAL);
        hi[0] = Math.log(MAX_SIGNAL);
        for (int i = 0; i < d; i++) {
            lo[1 + i] = Math.log(MIN_LENGTH);
            hi[1 + i] = Math.log(MAX_LENGTH);
        }
        lo[p - 1] = Math.log(MIN_NOISE);
        hi[p - 1] = Math.log(MAX_NOISE);

        // BOBYQA may stop on its evaluation budget; the tracker keeps the best point it evaluated anyway.
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        double[][] bestPoint = {null};
        ObjectiveFunction lml = new ObjectiveFunction(t -> {
            double v = GaussianProcess.logMarginalLikelihood(x, y, variance, decode(t, d));
            if (v > bestValue[0]) {
                bestValue[0] = v;
                bestPoint[0] = t.clone();
            }
            return Double.isFinite(v) ? v : -1e300;
        });
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int start = 0; start <= RANDOM_STARTS; start++) {
            double[] guess = new double[p];
            if (start == 0) {
                guess[0] = 0.0;
                for (int i = 0; i < d; i++) guess[1 + i] = Math.log(0.3);
                guess[p - 1] = Math.log(1e-3);
            } else {
                for (int i = 0; i < p; i++) guess[i] = lo[i] + (0.1 + 0.8 * rng.nextDouble()) * (hi[i] - lo[i]);
            }
            try {
                new BOBYQAOptimizer(2 * p + 1, 0.5, 1e-4).optimize(new MaxEval(EVALS_PER_START), lml, GoalType.MAXIMIZE,
                        new InitialGuess(guess), new SimpleBounds(lo, hi));
            } catch (MathIllegalStateException e) {
                // budget spent, or a flat likelihood stalled the trust region: the tracker holds the best point so far
            }
        }
        return decode(bestPoint[0] != null ? bestPoint[0] : midpoint(lo, hi), d);
    }

    private static double[] midpoint(double[] lo, double[] hi) {
        double[] m = new double[lo.length];
        for (int i = 0; i < m.length; i++) m[i] = (lo[i] + hi[i]) / 2;
        return m;
    }

    static GaussianProcess.Hyperparameters decode(double[] t, int d) {
        double[] ls = new double[d];
        for (int i = 0; i < d; i++) ls[i] = Math.exp(t[1 + i]);
        return new GaussianProcess.Hyperparameters(Math.exp(t[0]), ls, Math.exp(t[d + 1]));
    }
}
