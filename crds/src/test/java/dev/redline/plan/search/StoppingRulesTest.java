package dev.redline.plan.search;

import dev.redline.plan.Knob;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoppingRulesTest {
    private static final SearchProblem P = SearchProblem.of(SearchSpace.of(Knob.of("x", 0, 1, Knob.Kind.REAL)),
            List.of(new Objective("f", "avg", Direction.MAXIMIZE)), List.of(), 50);

    private static List<Evaluation> history(double... objective) {
        List<Evaluation> h = new ArrayList<>();
        for (double v : objective) {
            h.add(Double.isNaN(v) ? Evaluation.failed(h.size(), new double[] {0.5}, 1, 0, "boom")
                    : Evaluation.measured(h.size(), new double[] {h.size() / 100.0}, new double[] {v}, null, new double[0], List.of()));
        }
        return h;
    }

    @Test
    void budgetComesFirst() {
        StoppingRules r = new StoppingRules(3, 10, 8, 0.01);
        assertEquals(ConvergenceReason.MAX_ITERATIONS, r.check(history(1, 2, 3), P));
        assertNull(r.check(history(1, 2), P));
    }

    @Test
    void patienceCountsIterationsWithoutANewBest() {
        StoppingRules r = new StoppingRules(50, 4, 20, 0.01);
        assertNull(r.check(history(1, 5, 3, 4, 2), P));
        assertEquals(ConvergenceReason.IMPROVEMENT_PATIENCE, r.check(history(1, 5, 3, 4, 2, 5), P), "equal is not better");
        assertNull(r.check(history(1, 5, 3, 4, 2, 5.5), P));
        assertEquals(3, StoppingRules.iterationsSinceImprovement(history(1, 5, Double.NaN, 2, 4), P));
    }

    @Test
    void plateauNeedsAFullWindowOfScoredIterationsUnderTheCv() {
        StoppingRules r = new StoppingRules(50, 40, 4, 0.01);
        assertEquals(ConvergenceReason.PLATEAU_CV, r.check(history(1, 100, 100.5, 99.7, 100.2), P));
        assertNull(r.check(history(1, 100, 100.5, Double.NaN, 100.2), P), "a failed iteration breaks the window");
        assertNull(r.check(history(1, 100, 110, 95, 100.2), P), "CV above 1 %");
        assertNull(r.check(history(0, 0, 0, 0, 0), P), "no CV around zero");
    }

    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> StoppingRules.defaults(1));
        assertThrows(IllegalArgumentException.class, () -> StoppingRules.defaults(201));
        assertThrows(IllegalArgumentException.class, () -> new StoppingRules(10, 1, 8, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new StoppingRules(10, 5, 8, Double.NaN));
    }
}
