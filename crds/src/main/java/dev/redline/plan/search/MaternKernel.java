package dev.redline.plan.search;

/**
 * Matern 5/2 covariance with one length scale per input (ARD):
 * {@code k(a,b) = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)}, {@code r^2 = sum ((a_i - b_i) / l_i)^2}.
 * Twice differentiable, so it suits latency/throughput curves better than the too-smooth RBF.
 */
public final class MaternKernel {
    private static final double SQRT5 = Math.sqrt(5.0);

    private MaternKernel() { }

    public static double covariance(double[] a, double[] b, double[] lengthScales, double signalVariance) {
        double r2 = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] - b[i]) / lengthScales[i];
            r2 += d * d;
        }
        double r = Math.sqrt(r2);
        return signalVariance * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }
}
