package dev.redline.plan.search;

import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.SplittableRandom;

/**
 * Points of a Sobol sequence in the unit cube with a seeded Cranley-Patterson shift (each coordinate
 * moved by a fixed random offset, modulo 1): still low-discrepancy, different per seed, and the k-th
 * point is a pure function of (dimension, k, seed), so a resumed search draws the same points.
 */
public final class SobolPoints {
    private SobolPoints() { }

    public static double[] point(int dimension, int index, long seed) {
        return points(dimension, index, 1, seed)[0];
    }

    /** The first {@code count} points from {@code start}. */
    public static double[][] points(int dimension, int start, int count, long seed) {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(dimension);
        double[] shift = shift(dimension, seed);
        double[][] out = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] p = k == 0 ? gen.skipTo(start) : gen.nextVector(); // skipTo returns point #start itself
            for (int i = 0; i < dimension; i++) {
                double v = p[i] + shift[i];
                p[i] = v - Math.floor(v);
            }
            out[k] = p;
        }
        return out;
    }

    private static double[] shift(int dimension, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        double[] s = new double[dimension];
        for (int i = 0; i < dimension; i++) s[i] = rng.nextDouble();
        return s;
    }
}
