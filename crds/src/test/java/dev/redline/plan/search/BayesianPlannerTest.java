package dev.redline.plan.search;

import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.plan.Knob;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planner-level accuracy on analytic functions whose optimum is known. */
class BayesianPlannerTest {
    private static final Objective MAX_F = new Objective("f", "avg", Direction.MAXIMIZE);

    private static double best(SearchLoop loop, SearchProblem p) {
        return loop.history.get(BestTrials.select(loop.history, p).get(0)).objective(0);
    }

    @Test
    void oneDimensionReachesTheOptimumWithinFivePercentInFifteenProbes() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
                List.of(MAX_F), List.of(), 15).withSeed(1);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(100 - 400 * Math.pow(v[0] - 0.37, 2)));
        assertTrue(best(loop, p) >= 95, "best " + best(loop, p) + " after " + loop.history.size());
    }

    @Test
    void twoDimensionsReachTheOptimumWithinFivePercent() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL),
                Knob.of("y", 0, 1, Knob.Kind.REAL)), List.of(MAX_F), List.of(), 30).withSeed(2);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p),
                v -> SearchLoop.Measured.of(100 * Math.exp(-(Math.pow(v[0] - 0.3, 2) / 0.1 + Math.pow(v[1] - 0.7, 2) / 0.15))));
        assertTrue(best(loop, p) >= 95, "best " + best(loop, p) + " after " + loop.history.size());
    }

    @Test
    void minimisationFindsTheMinimum() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", -2, 3, Knob.Kind.REAL)),
                List.of(new Objective("latency", "p99", Direction.MINIMIZE)), List.of(), 15).withSeed(3);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(10 + Math.pow(v[0] - 1.2, 2)));
        assertTrue(best(loop, p) <= 10.5, "best " + best(loop, p));
    }

    @Test
    void integerKnobUnderAnSlaFindsTheBestFeasibleThroughput() {
        // throughput saturates at c = 100; TTFT = 50 + c breaks the 200 ms SLA above c = 149
        SlaFilter sla = new SlaFilter("time_to_first_token", "p95", SloOperator.LT, 200);
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("concurrency", 1, 512, Knob.Kind.INT)),
                List.of(new Objective("output_token_throughput", "avg", Direction.MAXIMIZE)), List.of(sla), 20).withSeed(4);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p),
                v -> SearchLoop.Measured.of(10 * Math.min(v[0], 100) * (v[0] > 300 ? 1.2 : 1), 50 + v[0]));
        for (Evaluation o : loop.history) assertEquals(Math.rint(o.value(0)), o.value(0), 0, "integer probe");
        Evaluation top = loop.history.get(BestTrials.select(loop.history, p).get(0));
        assertTrue(top.feasible(), "feasibility first: the infeasible 1.2x throughput above 300 is not the best");
        assertTrue(top.objective(0) >= 950, "best feasible throughput " + top.objective(0));
    }

    @Test
    void withNoFeasibleProbeYetItSearchesForFeasibility() {
        // only x > 0.8 meets the SLA; the objective alone would pull towards 0
        SlaFilter sla = new SlaFilter("g", "avg", SloOperator.GE, 0.8);
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
                List.of(MAX_F), List.of(sla), 12).withSeed(5).withInitialPoints(2);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(1 - v[0], v[0]));
        assertTrue(BestTrials.feasibleCount(loop.history) >= 1, "found the feasible region");
        Evaluation top = loop.history.get(BestTrials.select(loop.history, p).get(0));
        assertTrue(top.feasible() && top.value(0) < 0.9, "best feasible x " + top.value(0));
    }

    @Test
    void noisyMultiRunObservationsStillConverge() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
                List.of(MAX_F), List.of(), 20).withSeed(6);
        BayesianPlanner planner = new BayesianPlanner(p);
        List<Evaluation> history = new ArrayList<>();
        String reason = null;
        while (reason == null) {
            SearchStep s = planner.next(history);
            if (s instanceof SearchStep.Done d) {
                reason = d.reason();
                break;
            }
            double x = ((SearchStep.Probe) s).values()[0];
            // mean of 3 trials with sd 2: standard error 2/sqrt(3)
            double truth = 100 - 300 * Math.pow(x - 0.62, 2);
            double mean = truth + 2 / Math.sqrt(3) * rng.nextGaussian();
            history.add(Evaluation.measured(history.size(), new double[] {x}, new double[] {mean}, new double[] {4.0 / 3}, new double[0], List.of()));
        }
        double bestX = history.get(BestTrials.select(history, p).get(0)).value(0);
        assertTrue(100 - 300 * Math.pow(bestX - 0.62, 2) >= 95, "true value at the chosen x " + bestX);
    }

    @Test
    void sameHistoryGivesTheSameProposal() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL),
                Knob.of("n", 1, 64, Knob.Kind.INT)), List.of(MAX_F), List.of(), 12).withSeed(7);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(v[0] * Math.log(v[1])));
        for (int k : new int[] {0, 3, 7, 10}) {
            double[] again = ((SearchStep.Probe) new BayesianPlanner(p).next(loop.history.subList(0, k))).values();
            assertArrayEquals(loop.history.get(k).values(), again, 0, "probe " + k);
        }
    }

    @Test
    void smallIntegerSpaceStopsWhenEveryPointWasProbed() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("n", 1, 4, Knob.Kind.INT)),
                List.of(MAX_F), List.of(), 20).withInitialPoints(2);
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(v[0]));
        assertEquals(ConvergenceReason.SPACE_EXHAUSTED, loop.reason);
        assertEquals(4, loop.history.size());
    }

    @Test
    void patienceStopsAFlatSearch() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
                List.of(MAX_F), List.of(), 100).withStopping(new StoppingRules(100, 6, 50, 0.01));
        SearchLoop loop = SearchLoop.run(new BayesianPlanner(p), v -> SearchLoop.Measured.of(v[0] < 0.5 ? 1 : 2));
        assertEquals(ConvergenceReason.IMPROVEMENT_PATIENCE, loop.reason);
        assertTrue(loop.history.size() < 30);
    }

    @Test
    void initialPointsMustLeaveRoomForTheModel() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
                List.of(MAX_F), List.of(), 5);
        assertThrows(IllegalArgumentException.class, () -> new BayesianPlanner(p));
    }
}
