package dev.redline.plan.search;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Gaussian-process regression with a Matern 5/2 ARD kernel on inputs in the unit cube. Targets are
 * standardised internally; each observation may carry its own known noise variance (the squared standard
 * error of a multi-run mean) on top of a homoscedastic noise term. Predictions are of the latent
 * (noise-free) function, in the caller's units. {@link GpHyperparameterFit} chooses the hyperparameters.
 */
public final class GaussianProcess {
    /** Diagonal jitter (standardised units) added before Cholesky; grown when the matrix is not positive definite. */
    private static final double BASE_JITTER = 1e-10;

    /**
     * @param signalVariance kernel amplitude, standardised units
     * @param lengthScales   one per input, unit-cube units
     * @param noiseVariance  homoscedastic noise, standardised units
     */
    public record Hyperparameters(double signalVariance, double[] lengthScales, double noiseVariance) {
        public Hyperparameters {
            lengthScales = lengthScales.clone();
        }
        @Override public double[] lengthScales() { return lengthScales.clone(); }
    }

    /** Posterior of the latent function at one point. */
    public record Prediction(double mean, double variance) {
        public double sd() { return Math.sqrt(Math.max(variance, 0.0)); }
    }

    private final double[][] x;
    private final Hyperparameters hyper;
    private final double yMean;
    private final double yScale;
    private final RealMatrix lower;
    private final double[] alpha;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] x, Hyperparameters hyper, double yMean, double yScale, RealMatrix lower,
                            double[] alpha, double lml) {
        this.x = x;
        this.hyper = hyper;
        this.yMean = yMean;
        this.yScale = yScale;
        this.lower = lower;
        this.alpha = alpha;
        this.logMarginalLikelihood = lml;
    }

    /** Fits the hyperparameters by maximising the marginal likelihood, then conditions on the data. */
    public static GaussianProcess fit(double[][] x, double[] y, double[] yVariance, long seed) {
        Standardized s = Standardized.of(y, yVariance);
        Hyperparameters h = GpHyperparameterFit.maximise(x, s.y, s.variance, seed);
        return condition(x, s, h);
    }

    /** Conditions on the data with given hyperparameters (standardised units). */
    public static GaussianProcess withHyperparameters(double[][] x, double[] y, double[] yVariance, Hyperparameters h) {
        return condition(x, Standardized.of(y, yVariance), h);
    }

    private static GaussianProcess condition(double[][] x, Standardized s, Hyperparameters h) {
        Factor f = factor(x, s.y, s.variance, h);
        if (f == null) throw new IllegalStateException("covariance matrix is not positive definite even with jitter");
        return new GaussianProcess(copy(x), h, s.mean, s.scale, f.lower, f.alpha, f.lml);
    }

    /** Log marginal likelihood of standardised targets under h; NEGATIVE_INFINITY when it cannot be factored. */
    static double logMarginalLikelihood(double[][] x, double[] y, double[] variance, Hyperparameters h) {
        Factor f = factor(x, y, variance, h);
        return f == null ? Double.NEGATIVE_INFINITY : f.lml;
    }

    private record Factor(RealMatrix lower, double[] alpha, double lml) { }

    private static Factor factor(double[][] x, double[] y, double[] variance, Hyperparameters h) {
        int n = x.length;
        double[] ls = h.lengthScales;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double c = MaternKernel.covariance(x[i], x[j], ls, h.signalVariance);
                k[i][j] = c;
                k[j][i] = c;
            }
        }
        for (double jitter = BASE_JITTER; jitter <= 1e-2; jitter *= 100) {
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = k[i].clone();
                a[i][i] += h.noiseVariance + variance[i] + jitter;
            }
            try {
                CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 0);
                RealMatrix lower = chol.getL();
                double[] al = chol.getSolver().solve(new ArrayRealVector(y, false)).toArray();
                double fit = 0;
                for (int i = 0; i < n; i++) fit += y[i] * al[i];
                double logDet = 0;
                for (int i = 0; i < n; i++) logDet += Math.log(lower.getEntry(i, i));
                double lml = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
                if (Double.isFinite(lml)) return new Factor(lower, al, lml);
            } catch (NonPositiveDefiniteMatrixException e) {
                // more jitter
            }
        }
        return null;
    }

    public Prediction predict(double[] point) {
        int n = x.length;
        double[] ks = new double[n];
        for (int i = 0; i < n; i++) ks[i] = MaternKernel.covariance(point, x[i], hyper.lengthScales, hyper.signalVariance);
        double mean = 0;
        for (int i = 0; i < n; i++) mean += ks[i] * alpha[i];
        RealVector v = new ArrayRealVector(ks, false);
        MatrixUtils.solveLowerTriangularSystem(lower, v);
        double var = hyper.signalVariance - v.dotProduct(v);
        var = Math.max(var, 1e-12 * hyper.signalVariance);
        return new Prediction(yMean + yScale * mean, yScale * yScale * var);
    }

    public Hyperparameters hyperparameters() { return hyper; }

    /** Of the standardised targets, at the fitted hyperparameters. */
    public double logMarginalLikelihood() { return logMarginalLikelihood; }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }

    /** Targets shifted to mean 0 and scaled to sd 1 (scale 1 when they do not vary), variances alike. */
    record Standardized(double[] y, double[] variance, double mean, double scale) {
        static Standardized of(double[] y, double[] yVariance) {
            int n = y.length;
            if (n == 0) throw new IllegalArgumentException("a Gaussian process needs at least one observation");
            double mean = 0;
            for (double v : y) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("Gaussian process targets must be finite");
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : y) ss += (v - mean) * (v - mean);
            double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
            double scale = sd > 1e-12 * Math.max(1.0, Math.abs(mean)) ? sd : 1.0;
            double[] ys = new double[n];
            double[] vs = new double[n];
            for (int i = 0; i < n; i++) {
                ys[i] = (y[i] - mean) / scale;
                double var = yVariance == null ? 0 : yVariance[i];
                vs[i] = Double.isFinite(var) && var > 0 ? var / (scale * scale) : 0;
            }
            return new Standardized(ys, vs, mean, scale);
        }
    }
}
