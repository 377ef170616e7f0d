package dev.redline.plan.search;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsotonicRegressionTest {
    @Test
    void poolsAdjacentViolators() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, IsotonicRegression.fit(new double[] {1, 3, 2, 4}, null), 1e-12);
        // a violation that cascades back over two earlier blocks
        assertArrayEquals(new double[] {1, 3, 3, 3, 5}, IsotonicRegression.fit(new double[] {1, 4, 5, 0, 5}, null), 1e-12);
        assertArrayEquals(new double[] {2, 2, 2}, IsotonicRegression.fit(new double[] {3, 2, 1}, null), 1e-12);
    }

    @Test
    void weightsPullThePooledValue() {
        // (3*1 + 1*3) / 4 = 1.5 for the pooled pair
        assertArrayEquals(new double[] {1.5, 1.5}, IsotonicRegression.fit(new double[] {3, 1}, new double[] {1, 3}), 1e-12);
    }

    @Test
    void monotoneInputIsUnchanged() {
        double[] y = {-2, -1, -1, 0.5, 7};
        assertArrayEquals(y, IsotonicRegression.fit(y, null), 0);
    }

    @Test
    void fitIsTheLeastSquaresMonotoneSequence() {
        // property check against a brute-force-free characterisation: the PAV fit is non-decreasing, keeps the
        // weighted sum, and no small monotone perturbation lowers the squared error
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            int n = 3 + rng.nextInt(12);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = i * 0.3 + rng.nextGaussian();
            double[] f = IsotonicRegression.fit(y, null);
            double sy = 0, sf = 0;
            for (int i = 0; i < n; i++) {
                sy += y[i];
                sf += f[i];
                if (i > 0) assertTrue(f[i] >= f[i - 1] - 1e-12);
            }
            assertEquals(sy, sf, 1e-9);
            double base = sse(y, f);
            for (int k = 0; k < 20; k++) {
                double[] g = f.clone();
                int i = rng.nextInt(n);
                g[i] += (rng.nextDouble() - 0.5) * 0.1;
                boolean monotone = true;
                for (int j = 1; j < n; j++) monotone &= g[j] >= g[j - 1];
                if (monotone) assertTrue(sse(y, g) >= base - 1e-12);
            }
        }
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> IsotonicRegression.fit(new double[] {1, Double.NaN}, null));
    }

    private static double sse(double[] y, double[] f) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (y[i] - f[i]) * (y[i] - f[i]);
        return s;
    }
}
