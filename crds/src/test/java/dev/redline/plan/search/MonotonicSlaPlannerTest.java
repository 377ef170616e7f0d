package dev.redline.plan.search;

import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.plan.Knob;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonotonicSlaPlannerTest {
    static final SlaFilter TTFT_UNDER_200 = new SlaFilter("time_to_first_token", "p95", SloOperator.LT, 200);
    static final Objective THROUGHPUT = new Objective("output_token_throughput", "avg", Direction.MAXIMIZE);

    static SearchProblem problem(double lo, double hi, Knob.Kind kind, int maxIterations) {
        return SearchProblem.of(SearchSpace.of(Knob.of("phases.profiling.concurrency", lo, hi, kind)),
                List.of(THROUGHPUT), List.of(TTFT_UNDER_200), maxIterations);
    }

    /** TTFT grows linearly with concurrency: 200 ms is crossed at c = 137.5. */
    static SearchLoop.Measured linearTtft(double[] v) {
        double c = v[0];
        return SearchLoop.Measured.of(10 * c, 62.5 + c);
    }

    @Test
    void probesExponentiallyThenBisectsToTheStatedPrecision() {
        SearchLoop loop = SearchLoop.run(new MonotonicSlaPlanner(problem(1, 1000, Knob.Kind.INT, 30)),
                MonotonicSlaPlannerTest::linearTtft);
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, loop.reason);
        double[] probes = loop.probes(0);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32, 64, 128, 256}, Arrays.copyOf(probes, 9), 0);
        BoundarySummary b = new MonotonicSlaPlanner(problem(1, 1000, Knob.Kind.INT, 30)).boundary(loop.history);
        double low = b.feasibleMax().value(), high = b.infeasibleMin().value();
        assertTrue(low <= 137.5 && 137.5 < high, "bracket " + low + ".." + high + " holds the truth");
        assertTrue((high - low) / high < 0.05, "bracket narrower than 5 %: " + low + ".." + high);
        assertTrue((137 - low) / 137 < 0.05, "answer within 5 % of the true boundary: " + low);
        assertEquals(0, b.infeasibleMin().firstBreach());
        assertTrue(loop.history.size() <= 14, "probes used " + loop.history.size());
    }

    @Test
    void tighterPrecisionTakesMoreProbesAndLandsCloser() {
        SearchProblem p = problem(1, 1000, Knob.Kind.INT, 40).withPrecision(0.01);
        SearchLoop loop = SearchLoop.run(new MonotonicSlaPlanner(p), MonotonicSlaPlannerTest::linearTtft);
        BoundarySummary b = new MonotonicSlaPlanner(p).boundary(loop.history);
        assertEquals(137, b.feasibleMax().value(), 0);
        assertEquals(138, b.infeasibleMin().value(), 0);
    }

    @Test
    void realKnobBisectsToRelativePrecision() {
        // request rate 0.5 .. 100 req/s; SLA crossed at 31.4
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("rate", 0.5, 100, Knob.Kind.REAL)),
                List.of(THROUGHPUT), List.of(TTFT_UNDER_200), 30);
        SearchLoop loop = SearchLoop.run(new MonotonicSlaPlanner(p), v -> SearchLoop.Measured.of(v[0], 200 * v[0] / 31.4));
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, loop.reason);
        BoundarySummary b = new MonotonicSlaPlanner(p).boundary(loop.history);
        assertTrue(b.feasibleMax().value() < 31.4 && b.infeasibleMin().value() >= 31.4);
        assertTrue((b.infeasibleMin().value() - b.feasibleMax().value()) / b.infeasibleMin().value() < 0.05);
    }

    @Test
    void everythingPassingOrFailingEndsWithAipersReasons() {
        SearchProblem p = problem(1, 100, Knob.Kind.INT, 30);
        SearchLoop pass = SearchLoop.run(new MonotonicSlaPlanner(p), v -> SearchLoop.Measured.of(v[0], 10));
        assertEquals(ConvergenceReason.MONOTONIC_NO_FAILURE_IN_RANGE, pass.reason);
        assertEquals(100, pass.history.get(pass.history.size() - 1).value(0), 0, "the upper end is probed");
        SearchLoop fail = SearchLoop.run(new MonotonicSlaPlanner(p), v -> SearchLoop.Measured.of(v[0], 500));
        assertEquals(ConvergenceReason.MONOTONIC_NO_PASS_IN_RANGE, fail.reason);
        assertEquals(1, fail.history.size());
    }

    @Test
    void budgetStopsTheBisection() {
        SearchLoop loop = SearchLoop.run(new MonotonicSlaPlanner(problem(1, 1000, Knob.Kind.INT, 5)),
                MonotonicSlaPlannerTest::linearTtft);
        assertEquals(ConvergenceReason.MAX_ITERATIONS, loop.reason);
        assertEquals(5, loop.history.size());
    }

    @Test
    void aRebuiltPlannerContinuesExactlyWhereTheOldOneWas() {
        SearchProblem p = problem(1, 1000, Knob.Kind.INT, 30);
        SearchLoop loop = SearchLoop.run(new MonotonicSlaPlanner(p), MonotonicSlaPlannerTest::linearTtft);
        for (int k = 0; k < loop.history.size(); k++) {
            SearchStep again = new MonotonicSlaPlanner(p).next(loop.history.subList(0, k));
            assertEquals(loop.history.get(k).value(0), ((SearchStep.Probe) again).values()[0], 0, "probe " + k);
        }
    }

    @Test
    void aContradictingVerdictIsFlaggedAndDoesNotMoveTheBracket() {
        SearchProblem p = problem(1, 1000, Knob.Kind.INT, 30);
        // a history where a probe above the first breach passed (e.g. noise, or a resumed run)
        double[][] probes = {{1, 100}, {2, 120}, {4, 250}, {8, 150}, {3, 180}};
        List<Evaluation> history = new java.util.ArrayList<>();
        for (double[] pr : probes) {
            history.add(Evaluation.measured(history.size(), new double[] {pr[0]}, new double[] {pr[0]}, null,
                    new double[] {pr[1]}, p.slaFilters()));
        }
        MonotonicSlaPlanner planner = new MonotonicSlaPlanner(p);
        boolean[] flags = planner.nonMonotonic(history);
        assertArrayEquals(new boolean[] {false, false, false, true, false}, flags);
        BoundarySummary b = planner.boundary(history);
        assertEquals(3, b.feasibleMax().value(), 0);
        assertEquals(4, b.infeasibleMin().value(), 0);
        assertTrue(b.nonMonotonicWarning());
        assertEquals(new SearchStep.Done(ConvergenceReason.MONOTONIC_PRECISION_REACHED), planner.next(history));
    }

    @Test
    void refusesSeveralKnobsOrNoSla() {
        SearchSpace two = SearchSpace.of(Knob.of("a", 1, 10, Knob.Kind.INT),
                Knob.of("b", 1, 10, Knob.Kind.INT));
        assertThrows(IllegalArgumentException.class,
                () -> new MonotonicSlaPlanner(SearchProblem.of(two, List.of(THROUGHPUT), List.of(TTFT_UNDER_200), 10)));
        SearchSpace one = SearchSpace.of(Knob.of("a", 1, 10, Knob.Kind.INT));
        assertThrows(IllegalArgumentException.class,
                () -> new MonotonicSlaPlanner(SearchProblem.of(one, List.of(THROUGHPUT), List.of(), 10)));
    }
}
