package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Maximises an acquisition function over the unit cube: a dense scrambled Sobol design, then a shrinking
 * Gaussian pattern search around the best few. Every candidate is snapped to the knobs' lattice before it
 * is scored (so integer knobs are scored where they will be probed) and points already probed are skipped.
 */
final class AcquisitionOptimizer {
    private static final int TOP = 5;
    private static final double[] STEPS = {0.1, 0.03, 0.01, 0.003};
    private static final int TRIES_PER_STEP = 12;

    private AcquisitionOptimizer() { }

    /** The best snapped unit point, or null when every candidate was already probed. */
    static double[] maximise(ToDoubleFunction<double[]> acquisition, SearchSpace space, List<double[]> probed, long seed) {
        int d = space.size();
        int count = Math.min(4096, 512 * d);
        List<Scored> scored = new ArrayList<>();
        for (double[] c : SobolPoints.points(d, 1, count, seed)) {
            Scored s = score(acquisition, space, probed, c);
            if (s != null) scored.add(s);
        }
        if (scored.isEmpty()) return null;
        scored.sort(Comparator.comparingDouble((Scored s) -> s.value).reversed());
        SplittableRandom rng = new SplittableRandom(seed);
        Scored best = scored.get(0);
        for (int t = 0; t < Math.min(TOP, scored.size()); t++) {
            Scored cur = scored.get(t);
            for (double step : STEPS) {
                for (int k = 0; k < TRIES_PER_STEP; k++) {
                    double[] c = cur.unit.clone();
                    for (int i = 0; i < d; i++) c[i] = Math.max(0, Math.min(1, c[i] + step * rng.nextGaussian()));
                    Scored s = score(acquisition, space, probed, c);
                    if (s != null && s.value > cur.value) cur = s;
                }
            }
            if (cur.value > best.value) best = cur;
        }
        return best.unit;
    }

    private record Scored(double[] unit, double value) { }

    private static Scored score(ToDoubleFunction<double[]> acquisition, SearchSpace space, List<double[]> probed, double[] c) {
        double[] u = space.snapUnit(c);
        for (double[] p : probed) if (same(p, u)) return null;
        double v = acquisition.applyAsDouble(u);
        return new Scored(u, Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v);
    }

    static boolean same(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 1e-12) return false;
        return true;
    }
}
