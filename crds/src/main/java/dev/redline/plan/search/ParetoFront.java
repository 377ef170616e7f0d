package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.List;

/** Non-dominated sets of points whose coordinates are all "larger is better". */
public final class ParetoFront {
    private ParetoFront() { }

    /** a is no worse than b everywhere and better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < b[i]) return false;
            if (a[i] > b[i]) strictly = true;
        }
        return strictly;
    }

    /** Indices of the points no other point dominates, in input order (duplicates all kept). */
    public static List<Integer> nonDominated(List<double[]> points) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                dominated = j != i && dominates(points.get(j), points.get(i));
            }
            if (!dominated) front.add(i);
        }
        return front;
    }
}
