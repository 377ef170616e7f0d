package dev.redline.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-dominated points of a set: a point is on the front unless another is at least as good in
 * every objective and strictly better in one (equal points both stay, as in AIPerf).
 */
public final class ParetoFront {
    private ParetoFront() { }

    /** Indices (ascending) of the non-dominated {@code points}; {@code maximize[k]} gives objective k's direction. */
    public static List<Integer> indices(List<double[]> points, boolean[] maximize) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                if (i != j && dominates(points.get(j), points.get(i), maximize)) dominated = true;
            }
            if (!dominated) front.add(i);
        }
        return front;
    }

    /** True when {@code a} is at least as good as {@code b} everywhere and strictly better somewhere. */
    public static boolean dominates(double[] a, double[] b, boolean[] maximize) {
        boolean strictly = false;
        for (int k = 0; k < maximize.length; k++) {
            double better = maximize[k] ? a[k] - b[k] : b[k] - a[k];
            if (better < 0) return false;
            if (better > 0) strictly = true;
        }
        return strictly;
    }
}
