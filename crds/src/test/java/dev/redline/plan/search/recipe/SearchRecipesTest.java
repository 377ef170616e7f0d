package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.plan.search.MonotonicSlaPlanner;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.SearchSpecs;
import dev.redline.plan.search.SmoothIsotonicPlanner;
import dev.redline.plan.search.BayesianPlanner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchRecipesTest {
    private static SearchRecipeSpec recipe(String name) {
        SearchRecipeSpec r = new SearchRecipeSpec();
        r.setName(name);
        return r;
    }

    private static String error(SearchRecipeSpec r, boolean streaming) {
        return assertThrows(SpecException.class, () -> SearchRecipes.expand(r, streaming, SearchFieldNames.cliFlags())).getMessage();
    }

    @Test
    void throughputUnderTtftIsABayesianSearchOverLogConcurrency() {
        SearchRecipeSpec r = recipe("max-throughput-ttft-sla");
        r.setTtftSlaMs(200.0);
        RecipePlan plan = SearchRecipes.expand(r, true, SearchFieldNames.cliFlags());
        AdaptiveSearchSpec s = plan.search();
        assertEquals("max-throughput-ttft-sla", s.getRecipe());
        assertEquals(30, s.getMaxIterations());
        assertEquals(5, s.getNInitialPoints());
        assertEquals("time_to_first_token", s.getSlaFilters().get(0).getMetricTag());
        assertEquals("lt", s.getSlaFilters().get(0).getOp());
        assertEquals(200.0, s.getSlaFilters().get(0).getThreshold());
        SearchSpecs.Resolved resolved = SearchSpecs.resolve(s, true, SearchFieldNames.cliFlags());
        assertInstanceOf(BayesianPlanner.class, resolved.planner());
        assertEquals(1000, resolved.problem().space().get(0).hi());
    }

    @Test
    void recipeMissingItsSlaOrStreamingIsRefused() {
        assertEquals("--ttft-sla-ms: required by recipe max-throughput-ttft-sla (the TTFT p95 threshold in ms)",
                error(recipe("max-throughput-ttft-sla"), true));
        SearchRecipeSpec r = recipe("max-throughput-ttft-sla");
        r.setTtftSlaMs(200.0);
        assertTrue(error(r, false).startsWith("--search-recipe: recipe max-throughput-ttft-sla judges time_to_first_token, which is measured only on streamed responses; add --streaming"));
        assertTrue(error(recipe("max-concurrency-under-sla"), true).startsWith("--search-recipe: recipe max-concurrency-under-sla needs at least one SLA"));
        assertTrue(error(recipe("max-goodput-under-slo"), true).contains("needs --ttft-sla-ms, --tpot-sla-ms, --e2e-sla-ms"));
        assertTrue(error(recipe("max-throughput-itl-sla"), true).startsWith("--itl-sla-ms: required by recipe"));
        assertTrue(error(recipe("pareto-sweep"), true).startsWith("--isl-osl-pairs: required by recipe pareto-sweep"));
        assertTrue(error(recipe("max-thruput-ttft-sla"), true).contains("(did you mean 'max-throughput-ttft-sla'?)"));
    }

    @Test
    void maxConcurrencyStylesPickTheirPlannersAndE2eOnlyNeedsNoStreaming() {
        SearchRecipeSpec r = recipe("max-concurrency-under-sla");
        r.setE2eSlaMs(2000.0);
        r.setErrorRateSla(0.01);
        RecipePlan iso = SearchRecipes.expand(r, false, SearchFieldNames.cliFlags());
        assertInstanceOf(SmoothIsotonicPlanner.class, SearchSpecs.resolve(iso.search(), false, SearchFieldNames.cliFlags()).planner());
        assertEquals(1.0, iso.search().getSlaFilters().get(1).getThreshold(), 1e-12, "1 % error rate as request_error_rate percent");
        r.setSearchStyle("monotonic");
        RecipePlan mono = SearchRecipes.expand(r, false, SearchFieldNames.cliFlags());
        assertInstanceOf(MonotonicSlaPlanner.class, SearchSpecs.resolve(mono.search(), false, SearchFieldNames.cliFlags()).planner());
        assertEquals(20, mono.search().getMaxIterations());
        r.setSearchStyle("grid");
        RecipePlan grid = SearchRecipes.expand(r, false, SearchFieldNames.cliFlags());
        assertNull(grid.search());
        assertEquals(List.of(1L, 3L, 7L, 19L, 52L, 139L, 373L, 1000L), grid.grid().get(SearchRecipes.CONCURRENCY));
        assertEquals("sla_breach.json", grid.postProcess().outputFile());
        r.setSearchStyle("optuna");
        assertTrue(error(r, false).startsWith("--search-style: unknown style 'optuna'"));
        r.setSearchStyle(null);
        r.setConcurrencyMin(64);
        r.setConcurrencyMax(8);
        assertEquals("--concurrency-min: 64 must be < --concurrency-max (8)", error(r, false));
    }

    @Test
    void goodputRecipeSetsPerRequestSlosAndTheAttainmentFloor() {
        SearchRecipeSpec r = recipe("max-goodput-under-slo");
        r.setTtftSlaMs(500.0);
        r.setTpotSlaMs(15.0);
        r.setE2eSlaMs(2000.0);
        RecipePlan plan = SearchRecipes.expand(r, true, SearchFieldNames.cliFlags());
        assertEquals(Map.of("time_to_first_token", 500.0, "inter_token_latency", 15.0, "request_latency", 2000.0), plan.goodputSlos());
        assertEquals("goodput", plan.search().getObjectives().get(0).getMetric());
        assertEquals("good_request_fraction", plan.search().getSlaFilters().get(0).getMetricTag());
        assertEquals("ge", plan.search().getSlaFilters().get(0).getOp());
        assertEquals(0.95, plan.search().getSlaFilters().get(0).getThreshold());
        r.setItlSlaMs(20.0);
        assertTrue(error(r, true).startsWith("--tpot-sla-ms: 15.0 conflicts with --itl-sla-ms 20.0"));
    }

    @Test
    void gridRecipesUseAipersDefaultGrids() {
        RecipePlan ramp = SearchRecipes.expand(recipe("concurrency-ramp"), false, SearchFieldNames.cliFlags());
        assertEquals("degradation_knee.json", ramp.postProcess().outputFile());
        assertEquals(0.20, ramp.postProcess().params().get("threshold_pct"));
        RecipePlan prefill = SearchRecipes.expand(recipe("prefill-ttft-curve"), true, SearchFieldNames.cliFlags());
        assertEquals(List.of(256L, 512L, 1024L, 2048L, 4096L, 8192L, 16384L, 32768L), prefill.grid().get(SearchRecipes.ISL));
        assertEquals(List.of(1), prefill.grid().get(SearchRecipes.CONCURRENCY));
        RecipePlan decode = SearchRecipes.expand(recipe("decode-itl-curve"), true, SearchFieldNames.cliFlags());
        assertEquals(List.of(64L, 161L, 406L, 1024L), decode.grid().get(SearchRecipes.OSL));
        assertEquals(6, decode.grid().get(SearchRecipes.CONCURRENCY).size());
        SearchRecipeSpec pareto = recipe("pareto-sweep");
        pareto.setIslOslPairs("128/128, 512/256");
        pareto.setConcurrency(List.of(1, 8));
        RecipePlan p = SearchRecipes.expand(pareto, true, SearchFieldNames.cliFlags());
        assertEquals(4, p.scenarios().size());
        assertEquals("shape_512_256_c8", p.scenarios().get(3).name());
        pareto.setIslOslPairs("128/128,128/128");
        assertEquals("--isl-osl-pairs: '128/128' is given twice", error(pareto, true));
    }
}
