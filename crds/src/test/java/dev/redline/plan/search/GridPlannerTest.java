package dev.redline.plan.search;

import dev.redline.plan.Knob;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GridPlannerTest {
    private static final Objective F = new Objective("f", "avg", Direction.MAXIMIZE);

    @Test
    void levelsFitTheBudgetAndEveryCombinationIsProbedOnce() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("a", 0, 1, Knob.Kind.REAL),
                Knob.of("b", 1, 3, Knob.Kind.INT)), List.of(F), List.of(), 20);
        GridPlanner grid = new GridPlanner(p);
        // floor(sqrt(20)) = 4 levels: a in {0, 1/3, 2/3, 1}, b in {1, 2, 3} (integers deduplicated)
        assertEquals(12, grid.points().size());
        SearchLoop loop = SearchLoop.run(grid, v -> SearchLoop.Measured.of(v[0] + v[1]));
        assertEquals(ConvergenceReason.GRID_EXHAUSTED, loop.reason);
        assertEquals(12, loop.history.size());
        assertArrayEquals(new double[] {1.0 / 3, 1}, loop.history.get(3).values(), 1e-12);
    }

    @Test
    void logScaleSpacesDecadesEvenly() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(new Knob("c", 1, 1000, Knob.Kind.INT,
                Knob.Scale.LOG)), List.of(F), List.of(), 4);
        List<double[]> pts = new GridPlanner(p).points();
        assertArrayEquals(new double[] {1, 10, 100, 1000}, pts.stream().mapToDouble(x -> x[0]).toArray(), 0);
    }

    @Test
    void budgetSmallerThanTheGridStopsAtMaxIterations() {
        SearchProblem p = SearchProblem.of(SearchSpace.of(Knob.of("a", 0, 1, Knob.Kind.REAL)), List.of(F), List.of(), 3);
        SearchLoop loop = SearchLoop.run(new GridPlanner(p, 10), v -> SearchLoop.Measured.of(v[0]));
        assertEquals(ConvergenceReason.MAX_ITERATIONS, loop.reason);
        assertEquals(3, loop.history.size());
    }
}
