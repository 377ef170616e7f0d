package dev.redline.plan.search;

import dev.redline.plan.Knob;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoothIsotonicPlannerTest {
    private static SearchProblem problem(int maxIterations) {
        return MonotonicSlaPlannerTest.problem(1, 1000, Knob.Kind.INT, maxIterations);
    }

    @Test
    void noiselessLinearMetricIsSolvedByInterpolationInFewerProbesThanBisection() {
        SearchLoop iso = SearchLoop.run(new SmoothIsotonicPlanner(problem(30)), MonotonicSlaPlannerTest::linearTtft);
        SearchLoop mono = SearchLoop.run(new MonotonicSlaPlanner(problem(30)), MonotonicSlaPlannerTest::linearTtft);
        assertEquals(ConvergenceReason.SMOOTH_ISOTONIC_PRECISION_REACHED, iso.reason);
        BoundarySummary b = new SmoothIsotonicPlanner(problem(30)).boundary(iso.history);
        assertEquals(137, b.feasibleMax().value(), 0);
        assertEquals(137.5, b.estimate(), 1e-9, "the fitted curve crosses the SLA where the metric does");
        assertEquals("time_to_first_token:p95:lt:200", b.bindingConstraint());
        assertTrue(iso.history.size() < mono.history.size(), iso.history.size() + " vs " + mono.history.size());
    }

    @Test
    void noisyMetricAnswerStaysUnderTheTrueBoundaryWithinTenPercent() {
        // TTFT = 50 + c ms plus 4 ms Gaussian noise; the SLA (< 200 ms) is crossed at c = 150
        int under = 0, close = 0, seeds = 20;
        for (int seed = 0; seed < seeds; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            SmoothIsotonicPlanner planner = new SmoothIsotonicPlanner(problem(30));
            SearchLoop loop = SearchLoop.run(planner, v -> SearchLoop.Measured.of(10 * v[0], 50 + v[0] + 4 * rng.nextGaussian()));
            BoundarySummary b = planner.boundary(loop.history);
            assertNotNull(b.feasibleMax(), "seed " + seed);
            double answer = b.feasibleMax().value();
            if (answer <= 150) under++;
            if (Math.abs(answer - 150) / 150 <= 0.10) close++;
        }
        assertTrue(under >= 0.8 * seeds, "answer at or under the true boundary in " + under + "/" + seeds);
        assertTrue(close >= 0.9 * seeds, "answer within 10 % in " + close + "/" + seeds);
    }

    @Test
    void endsAtTheRangeEndsWithTheirReasons() {
        SearchLoop pass = SearchLoop.run(new SmoothIsotonicPlanner(MonotonicSlaPlannerTest.problem(1, 64, Knob.Kind.INT, 30)),
                v -> SearchLoop.Measured.of(v[0], 10));
        assertEquals(ConvergenceReason.SMOOTH_ISOTONIC_NO_FAILURE_IN_RANGE, pass.reason);
        SearchLoop fail = SearchLoop.run(new SmoothIsotonicPlanner(problem(30)), v -> SearchLoop.Measured.of(v[0], 900));
        assertEquals(ConvergenceReason.SMOOTH_ISOTONIC_NO_PASS_IN_RANGE, fail.reason);
    }
}
