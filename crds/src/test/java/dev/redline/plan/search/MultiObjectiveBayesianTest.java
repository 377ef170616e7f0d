package dev.redline.plan.search;

import dev.redline.plan.Knob;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pareto search on ZDT1 (two objectives, front f2 = 1 - sqrt(f1) at x2 = 0; ideal hypervolume 2/3 from (1, 1)). */
class MultiObjectiveBayesianTest {
    private static final Function<double[], SearchLoop.Measured> ZDT1 = v -> {
        double f1 = v[0], g = 1 + 9 * v[1];
        return new SearchLoop.Measured(new double[] {f1, g * (1 - Math.sqrt(f1 / g))}, new double[0]);
    };

    private static SearchProblem problem(int iterations) {
        return SearchProblem.of(SearchSpace.of(Knob.of("a", 0, 1, Knob.Kind.REAL),
                        Knob.of("b", 0, 1, Knob.Kind.REAL)),
                List.of(new Objective("f1", "avg", Direction.MINIMIZE, 1.0), new Objective("f2", "avg", Direction.MINIMIZE, 1.0)),
                List.of(), iterations).withSeed(3);
    }

    @Test
    void paretoSearchCoversMoreHypervolumeThanTheSameNumberOfSobolPoints() {
        SearchProblem p = problem(30);
        SearchLoop bo = SearchLoop.run(new BayesianPlanner(p), ZDT1);
        double hvBo = BestTrials.hypervolume(bo.history, p, BestTrials.reference(bo.history, p));

        SearchLoop sobol = new SearchLoop();
        for (double[] u : SobolPoints.points(2, 0, bo.history.size(), 3)) {
            SearchLoop.Measured m = ZDT1.apply(u);
            sobol.history.add(Evaluation.measured(sobol.history.size(), u, m.objectives(), null, m.sla(), List.of()));
        }
        double hvSobol = BestTrials.hypervolume(sobol.history, p, BestTrials.reference(sobol.history, p));
        assertTrue(hvBo > hvSobol, "BO " + hvBo + " vs Sobol " + hvSobol);
        assertTrue(hvBo > 0.8 * 2 / 3.0, "hypervolume " + hvBo + " of the ideal 0.667");
        for (int i : BestTrials.select(bo.history, p)) {
            double[] o = bo.history.get(i).objectives();
            for (Evaluation other : bo.history) {
                assertTrue(!(other.objective(0) <= o[0] && other.objective(1) <= o[1]
                        && (other.objective(0) < o[0] || other.objective(1) < o[1])), "front point is dominated");
            }
        }
    }
}
