package dev.redline.plan.search;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SobolPointsTest {
    @Test
    void kthPointIsTheShiftedKthSobolPoint() {
        SobolSequenceGenerator raw = new SobolSequenceGenerator(3);
        double[][] r = new double[10][];
        for (int k = 0; k < 10; k++) r[k] = raw.nextVector();
        double[] p0 = SobolPoints.point(3, 0, 42);
        for (int k = 0; k < 10; k++) {
            double[] pk = SobolPoints.point(3, k, 42);
            for (int i = 0; i < 3; i++) {
                double shifted = pk[i] - p0[i];
                double rawDiff = r[k][i] - r[0][i];
                assertEquals(mod1(rawDiff), mod1(shifted), 1e-12, "point " + k + " coord " + i);
            }
        }
    }

    @Test
    void batchEqualsSinglePointsAndSeedsDiffer() {
        double[][] batch = SobolPoints.points(2, 5, 4, 9);
        for (int k = 0; k < 4; k++) assertArrayEquals(SobolPoints.point(2, 5 + k, 9), batch[k], 0);
        assertFalse(java.util.Arrays.equals(SobolPoints.point(2, 3, 1), SobolPoints.point(2, 3, 2)));
    }

    private static double mod1(double v) {
        double m = v - Math.floor(v);
        return m > 1 - 1e-12 ? 0 : m;
    }
}
