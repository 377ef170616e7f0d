package dev.redline.plan;

import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.ConvergenceSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvergenceAndParetoTest {
    private static TrialOutcome run(int trial, double avg) {
        return TrialOutcome.ok(trial, new ProfileExport().putMetric("time_to_first_token", new MetricBlock("ms", Map.of("avg", avg))));
    }

    private static ConvergenceSpec spec(String mode, double threshold) {
        ConvergenceSpec c = new ConvergenceSpec();
        c.setMetric("time_to_first_token");
        c.setMode(mode);
        c.setThreshold(threshold);
        return c;
    }

    @Test
    void ciWidthAndCvStopOnceTheRunsAgree() {
        Convergence ci = new Convergence(spec("ci_width", 0.10), 0.95, null);
        assertFalse(ci.converged(List.of(run(0, 100))), "never before two runs");
        assertTrue(ci.converged(List.of(run(0, 100), run(1, 100.5), run(2, 99.8))));
        assertFalse(ci.converged(List.of(run(0, 100), run(1, 150), run(2, 70))));
        Convergence cv = new Convergence(spec("cv", 0.05), 0.95, null);
        assertTrue(cv.converged(List.of(run(0, 100), run(1, 102))));
        assertFalse(cv.converged(List.of(run(0, 100), run(1, 130))));
        assertFalse(cv.converged(List.of(run(0, 100), TrialOutcome.failed(1, "boom"))), "failed runs do not count");
    }

    @Test
    void ksFiresOnIdenticalDistributionsNotOnShiftedOnes() {
        Random rng = new Random(11);
        Map<String, double[]> samples = new java.util.HashMap<>();
        List<TrialOutcome> same = new ArrayList<>();
        List<TrialOutcome> shifted = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            double[] a = new double[200];
            double[] b = new double[200];
            for (int i = 0; i < a.length; i++) {
                double x = 20 + rng.nextGaussian();
                a[i] = x;
                b[i] = t == 2 ? x + 3 : x; // the last run is 3 ms slower
            }
            samples.put("same" + t, a);
            samples.put("shifted" + t, b);
            same.add(new TrialOutcome(t, "same" + t, new ProfileExport(), null));
            shifted.add(new TrialOutcome(t, "shifted" + t, new ProfileExport(), null));
        }
        ConvergenceSpec c = spec("distribution", 0.05);
        c.setMinRuns(3);
        Convergence ks = new Convergence(c, 0.95, (run, metric) -> samples.get(run.label()));
        assertTrue(ks.converged(same));
        assertFalse(ks.converged(shifted));
        assertFalse(ks.converged(same.subList(0, 2)), "min runs");
    }

    @Test
    void paretoFrontIsExactlyTheNonDominatedPoints() {
        Random rng = new Random(5);
        for (int round = 0; round < 50; round++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < 12; i++) pts.add(new double[]{rng.nextInt(6), rng.nextInt(6)});
            boolean[] dirs = {true, false};
            List<Integer> front = ParetoFront.indices(pts, dirs);
            for (int i = 0; i < pts.size(); i++) {
                boolean dominated = false;
                for (double[] q : pts) {
                    double[] p = pts.get(i);
                    if (q[0] >= p[0] && q[1] <= p[1] && (q[0] > p[0] || q[1] < p[1])) dominated = true;
                }
                assertEquals(!dominated, front.contains(i), "point " + i);
            }
        }
    }
}
