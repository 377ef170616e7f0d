package dev.redline.plan.search;

import dev.redline.api.v1alpha1.SloOperator;
import dev.redline.plan.Knob;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HypervolumeAndBestTrialsTest {
    @Test
    void twoDimensionalHypervolumeIsTheAreaOfTheStaircase() {
        List<double[]> pts = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        // boxes from (0,0): union area = 3 + 2*... = 1*3 + 1*2 + 1*1 = 6
        assertEquals(6, Hypervolume.of(pts, new double[] {0, 0}), 1e-12);
        assertEquals(1 * 2 + 1 * 1 + 0, Hypervolume.of(pts, new double[] {1, 0}), 1e-12);
    }

    @Test
    void threeDimensionalHypervolumeByInclusionExclusion() {
        double[] a = {2, 1, 1}, b = {1, 2, 1}, c = {1, 1, 2};
        // |A u B u C| = 2+2+2 - 1-1-1 + 1 = 4
        assertEquals(4, Hypervolume.of(List.of(a, b, c), new double[] {0, 0, 0}), 1e-12);
        // a dominated point adds nothing; a point below the reference adds nothing
        assertEquals(4, Hypervolume.of(List.of(a, b, c, new double[] {1, 1, 1}, new double[] {-1, 9, 9}), new double[] {0, 0, 0}), 1e-12);
    }

    @Test
    void bestTrialsAreFeasibleFirst() {
        SlaFilter sla = new SlaFilter("ttft", "p95", SloOperator.LE, 100);
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("c", 1, 10, Knob.Kind.INT)),
                List.of(new Objective("tput", "avg", Direction.MAXIMIZE)), List.of(sla), 10);
        List<Evaluation> h = List.of(
                Evaluation.measured(0, new double[] {1}, new double[] {10}, null, new double[] {50}, p.slaFilters()),
                Evaluation.measured(1, new double[] {5}, new double[] {50}, null, new double[] {100}, p.slaFilters()),
                Evaluation.measured(2, new double[] {9}, new double[] {90}, null, new double[] {150}, p.slaFilters()),
                Evaluation.failed(3, new double[] {10}, 1, 1, "connection refused"));
        assertEquals(List.of(1), BestTrials.select(h, p), "le keeps 100 <= 100 feasible; 90 req/s breaks the SLA");
        assertEquals(2, BestTrials.feasibleCount(h));
        List<Evaluation> noneFeasible = List.of(h.get(2), h.get(3));
        assertEquals(List.of(0), BestTrials.select(noneFeasible, p), "falls back to the scored pool");
    }

    @Test
    void multiObjectiveBestTrialsAreTheFrontAndPatienceFollowsTheHypervolume() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("c", 1, 100, Knob.Kind.INT)),
                List.of(new Objective("tput", "avg", Direction.MAXIMIZE), new Objective("ttft", "p99", Direction.MINIMIZE)),
                List.of(), 50);
        double[][] data = {{10, 50}, {20, 80}, {15, 90}, {30, 200}, {12, 60}, {25, 150}};
        List<Evaluation> h = new java.util.ArrayList<>();
        for (double[] d : data) h.add(Evaluation.measured(h.size(), new double[] {h.size() + 1}, d, null, new double[0], List.of()));
        assertEquals(List.of(0, 1, 3, 4, 5), BestTrials.select(h, p), "(15, 90) is dominated by (20, 80)");
        // the last improvement of the front is the 6th point: 0 iterations since
        assertEquals(0, StoppingRules.iterationsSinceImprovement(h, p));
        h.add(Evaluation.measured(h.size(), new double[] {7}, new double[] {11, 100}, null, new double[0], List.of()));
        assertEquals(1, StoppingRules.iterationsSinceImprovement(h, p));
    }
}
