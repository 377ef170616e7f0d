package dev.redline.plan.search.recipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.plan.search.SearchFieldNames;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecipeArtifactsTest {
    private static RecipePlan plan(String name, java.util.function.Consumer<SearchRecipeSpec> opts) {
        SearchRecipeSpec r = new SearchRecipeSpec();
        r.setName(name);
        opts.accept(r);
        return SearchRecipes.expand(r, true, SearchFieldNames.cliFlags());
    }

    /** Cells over a grid plan's values with metrics from a formula of the knob values. */
    private static List<RecipeCell> cells(Map<String, List<Number>> grid, Function<Map<String, Number>, Map<String, Double>> metrics) {
        List<Map<String, Number>> combos = new ArrayList<>();
        combos.add(Map.of());
        for (var e : grid.entrySet()) {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> c : combos) {
                for (Number v : e.getValue()) {
                    Map<String, Number> m = new java.util.LinkedHashMap<>(c);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<RecipeCell> out = new ArrayList<>();
        for (Map<String, Number> c : combos) {
            Map<String, Double> m = metrics.apply(c);
            out.add(new RecipeCell(c, (tag, stat) -> m.get(tag + "/" + stat)));
        }
        return out;
    }

    @Test
    void kneeIsTheFirstLevelPastTheDegradationThreshold() {
        RecipePlan p = plan("concurrency-ramp", r -> { });
        // p99 latency flat at 100 ms up to c = 19, then grows with c
        ObjectNode out = RecipeArtifacts.compute(p.postProcess(), cells(p.grid(), v -> {
            double c = v.get(SearchRecipes.CONCURRENCY).doubleValue();
            return Map.of("request_latency/p99", c <= 19 ? 100.0 : 100.0 + c);
        }));
        assertEquals(1, out.get("baseline_concurrency").asInt());
        assertEquals(100.0, out.get("baseline_p99").asDouble());
        assertEquals(52, out.get("knee_concurrency").asInt(), "52 ms over 100 ms is the first above +20 %");
        assertEquals(8, out.get("all_points").size());
    }

    @Test
    void prefillCurveFitsALineOrAQuadratic() {
        RecipePlan p = plan("prefill-ttft-curve", r -> { });
        ObjectNode line = RecipeArtifacts.compute(p.postProcess(), cells(p.grid(),
                v -> Map.of("time_to_first_token/avg", 5 + 0.02 * v.get(SearchRecipes.ISL).doubleValue())));
        assertEquals("linear", line.get("fit_form").asText());
        assertEquals(0.02, line.at("/coefficients/0").asDouble(), 1e-9);
        assertEquals(5, line.at("/coefficients/1").asDouble(), 1e-6);
        assertEquals(1.0, line.get("r_squared").asDouble(), 1e-12);
        assertFalse(line.get("below_floor").asBoolean());
        ObjectNode quad = RecipeArtifacts.compute(p.postProcess(), cells(p.grid(), v -> {
            double x = v.get(SearchRecipes.ISL).doubleValue();
            return Map.of("time_to_first_token/avg", 1e-6 * x * x - 0.02 * x + 200);
        }));
        assertEquals("quadratic", quad.get("fit_form").asText());
        assertEquals(1e-6, quad.at("/coefficients/0").asDouble(), 1e-12);
        assertEquals(8, quad.get("raw_points").size());
    }

    @Test
    void itlSurfaceKeepsUnmeasuredCellsNull() {
        RecipePlan p = plan("decode-itl-curve", r -> { });
        ObjectNode out = RecipeArtifacts.compute(p.postProcess(), cells(p.grid(), v -> {
            double c = v.get(SearchRecipes.CONCURRENCY).doubleValue(), o = v.get(SearchRecipes.OSL).doubleValue();
            return c == 1 && o == 64 ? Map.of() : Map.of("inter_token_latency/avg", 10 + c * 0.1 + o * 0.001);
        }));
        assertEquals(6, out.at("/surface/concurrency_axis").size());
        assertEquals(4, out.at("/surface/osl_axis").size());
        assertTrue(out.at("/surface/itl_grid/0/0").isNull());
        assertEquals(10 + 0.1 + 0.161, out.at("/surface/itl_grid/0/1").asDouble(), 1e-9);
        assertEquals(23, out.get("raw_points").size());
    }

    @Test
    void slaBreachBracketsTheBoundaryOnTheGrid() {
        RecipePlan p = plan("max-concurrency-under-sla", r -> {
            r.setTtftSlaMs(200.0);
            r.setSearchStyle("grid");
        });
        ObjectNode out = RecipeArtifacts.compute(p.postProcess(), cells(p.grid(),
                v -> Map.of("time_to_first_token/p95", 50 + v.get(SearchRecipes.CONCURRENCY).doubleValue())));
        assertEquals(139, out.get("max_passing_concurrency").asInt());
        assertEquals(373, out.get("first_failing_concurrency").asInt());
        assertEquals(423.0, out.at("/first_failing_breach/observed").asDouble());
        assertTrue(out.get("monotonicity_check").asBoolean());
    }

    @Test
    void paretoSweepMarksTheNonDominatedShapes() {
        RecipePlan p = plan("pareto-sweep", r -> {
            r.setIslOslPairs("128/128,512/256");
            r.setConcurrency(List.of(1, 8));
        });
        List<RecipeCell> cells = new ArrayList<>();
        double[][] xy = {{10, 100}, {40, 500}, {30, 80}, {90, 450}};
        for (int i = 0; i < 4; i++) {
            double[] m = xy[i];
            cells.add(new RecipeCell(p.scenarios().get(i).values(),
                    (tag, stat) -> tag.equals("time_to_first_token") ? m[0] : m[1]));
        }
        ObjectNode out = RecipeArtifacts.compute(p.postProcess(), cells);
        boolean[] expected = {true, true, false, false};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], out.at("/cells/" + i + "/pareto_optimal").asBoolean(), "cell " + i);
        assertEquals(512, out.at("/cells/3/isl").asInt());
    }
}
