package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.plan.search.ConvergenceReason;
import dev.redline.plan.search.Evaluation;
import dev.redline.plan.search.GridPlanner;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.SearchSpecs;
import dev.redline.plan.search.SearchStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Grid and scenario recipes as the Search resource runs them: their cells, in order, as a grid search. */
class RecipeAsSearchTest {
    private static final SearchFieldNames NAMES = SearchFieldNames.under("spec.recipe");

    private static RecipeAsSearch of(SearchRecipeSpec r) {
        return RecipeAsSearch.of(SearchRecipes.expand(r, true, NAMES), NAMES);
    }

    private static SearchRecipeSpec recipe(String name) {
        SearchRecipeSpec r = new SearchRecipeSpec();
        r.setName(name);
        return r;
    }

    /** The points the planner probes, in order, when every probe is measured. */
    private static List<double[]> probes(SearchSpecs.Resolved resolved) {
        List<Evaluation> history = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        while (true) {
            SearchStep step = resolved.planner().next(history);
            if (step instanceof SearchStep.Done d) {
                assertEquals(ConvergenceReason.GRID_EXHAUSTED, d.reason());
                return out;
            }
            double[] v = ((SearchStep.Probe) step).values();
            out.add(v);
            history.add(Evaluation.failed(history.size(), v, resolved.problem().objectives().size(), resolved.problem().slaFilters().size(), "not run"));
        }
    }

    @Test
    void prefillCurveVariesIslAtASharedConcurrencyOfOne() {
        SearchRecipeSpec r = recipe("prefill-ttft-curve");
        r.setIslMin(100);
        r.setIslMax(10000);
        r.setIslSteps(3);
        RecipeAsSearch s = of(r);
        assertEquals(Map.of(SearchRecipes.CONCURRENCY, 1), s.shared());
        assertEquals(List.of(Map.of(SearchRecipes.ISL, 100L), Map.of(SearchRecipes.ISL, 1000L), Map.of(SearchRecipes.ISL, 10000L)), s.cells());
        SearchSpecs.Resolved resolved = s.resolve(true, NAMES);
        assertInstanceOf(GridPlanner.class, resolved.planner());
        assertEquals(3, resolved.problem().stopping().maxIterations());
        List<double[]> probes = probes(resolved);
        assertEquals(3, probes.size());
        assertArrayEquals(new double[] {1000}, probes.get(1));
        assertEquals("prefill_curve.json", s.artifactName());
    }

    @Test
    void decodeSurfaceProbesEveryCombinationFirstKnobOutermost() {
        SearchRecipeSpec r = recipe("decode-itl-curve");
        r.setConcurrencyMax(4);
        r.setConcurrencySteps(3);
        r.setOslMin(64);
        r.setOslMax(256);
        r.setOslSteps(2);
        List<double[]> probes = probes(of(r).resolve(true, NAMES));
        List<String> seen = probes.stream().map(p -> (long) p[0] + "x" + (long) p[1]).toList();
        assertEquals(List.of("1x64", "1x256", "2x64", "2x256", "4x64", "4x256"), seen);
    }

    @Test
    void paretoSweepScenariosKeepTheirShapesAndSlaBreachItsSlas() {
        SearchRecipeSpec p = recipe("pareto-sweep");
        p.setIslOslPairs("128/128,512/256");
        p.setConcurrency(List.of(4));
        RecipeAsSearch pareto = of(p);
        assertEquals(Map.of(SearchRecipes.CONCURRENCY, 4), pareto.shared());
        assertEquals(2, pareto.cells().size());
        assertEquals(512, pareto.cells().get(1).get(SearchRecipes.ISL).intValue());
        assertEquals(256, pareto.cells().get(1).get(SearchRecipes.OSL).intValue());

        SearchRecipeSpec g = recipe("max-concurrency-under-sla");
        g.setSearchStyle("grid");
        g.setTtftSlaMs(200.0);
        SearchSpecs.Resolved breach = of(g).resolve(true, NAMES);
        assertEquals("time_to_first_token:p95:lt:200", breach.problem().slaFilters().get(0).describe());
    }

    @Test
    void aRecipeOfMoreThan200RunsIsRefused() {
        SearchRecipeSpec r = recipe("decode-itl-curve");
        r.setConcurrencyMax(200);
        r.setConcurrencySteps(30);
        r.setOslSteps(10); // 30 log-spaced levels over 1..200 are 25 distinct integers
        String message = assertThrows(SpecException.class, () -> of(r)).getMessage();
        assertEquals("spec.recipe.name: recipe decode-itl-curve plans 250 runs; a search runs at most 200 iterations: use fewer steps or shapes", message);
    }
}
