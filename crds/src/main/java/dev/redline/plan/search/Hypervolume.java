package dev.redline.plan.search;

import dev.redline.plan.ParetoFront;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The volume dominated by a set of "larger is better" points and bounded below by a reference point
 * (hypervolume indicator), by slicing along the last coordinate (HSO). Exact; cost grows as n^(d-1),
 * fine for the fronts of a search (tens of points, two to four objectives).
 */
public final class Hypervolume {
    private Hypervolume() { }

    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            boolean above = true;
            for (int i = 0; i < reference.length; i++) above &= p[i] > reference[i];
            if (above) inside.add(p);
        }
        if (inside.isEmpty()) return 0.0;
        List<double[]> front = new ArrayList<>();
        for (int i : ParetoFront.indices(inside, allMaximized(reference.length))) front.add(inside.get(i));
        return slice(front, reference, reference.length);
    }

    /** The direction flags of points that are "larger is better" in all {@code m} coordinates. */
    static boolean[] allMaximized(int m) {
        boolean[] max = new boolean[m];
        java.util.Arrays.fill(max, true);
        return max;
    }

    /** Volume over the first {@code dims} coordinates. */
    private static double slice(List<double[]> pts, double[] ref, int dims) {
        int last = dims - 1;
        if (dims == 1) {
            double best = ref[0];
            for (double[] p : pts) best = Math.max(best, p[0]);
            return best - ref[0];
        }
        List<double[]> sorted = new ArrayList<>(pts);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[last]).reversed());
        double volume = 0;
        List<double[]> active = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            active.add(sorted.get(i));
            double top = sorted.get(i)[last];
            double bottom = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            if (top > bottom) volume += slice(active, ref, dims - 1) * (top - bottom);
        }
        return volume;
    }
}
