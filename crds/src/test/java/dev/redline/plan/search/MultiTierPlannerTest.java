package dev.redline.plan.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-tier SLA search against AIPerf 0.13's own MultiTierPlanner: each scenario's expected probes, tier
 * results and boundary were produced by driving AIPerf's planner over the same analytic world (TTFT = 10 ms x
 * concurrency, throughput = 100 x min(concurrency, 40); optionally one concurrency with a huge TTFT).
 */
class MultiTierPlannerTest {
    private static SearchSpecs.Resolved resolve(String hi, String maxIterations, String tiers, String globalFilters) {
        String yaml = """
                planner: smooth_isotonic
                search_space: [{path: concurrency, lo: 1, hi: %s}]
                objectives: [{metric: output_token_throughput, direction: maximize}]
                max_iterations: %s
                sla_filters: [%s]
                sla_tiers:
                %s
                """.formatted(hi, maxIterations, globalFilters, tiers.indent(2));
        return SearchSpecs.resolve(SpecReader.read(yaml, "search.yaml", AdaptiveSearchSpec.class), true, SearchFieldNames.under("sweep"));
    }

    private static String tier(String label, String... filters) {
        StringBuilder b = new StringBuilder("- label: " + label + "\n  filters:\n");
        for (String f : filters) {
            String[] p = f.split(":");
            b.append("    - {metric_tag: ").append(p[0]).append(", stat: ").append(p[1]).append(", op: ").append(p[2])
                    .append(", threshold: ").append(p[3]).append("}\n");
        }
        return b.toString();
    }

    private static SearchLoop run(SearchSpecs.Resolved r, int bump) {
        List<SlaFilter> observed = r.problem().observedFilters();
        return SearchLoop.run(r.planner(), v -> {
            double c = v[0];
            double ttft = c == bump ? 1e9 : 10 * c, throughput = 100 * Math.min(c, 40);
            double[] sla = new double[observed.size()];
            for (int k = 0; k < sla.length; k++) sla[k] = observed.get(k).metricTag().equals("time_to_first_token") ? ttft : throughput;
            return SearchLoop.Measured.of(throughput, sla);
        });
    }

    private static ObjectNode history(SearchSpecs.Resolved r, SearchLoop loop) {
        return SearchHistoryJson.tree(r.planner(), loop.history, null, loop.reason);
    }

    private static void assertTier(JsonNode t, String label, Integer boundary, String status, Integer upper, int probes, Double bindingThreshold) {
        assertEquals(label, t.get("label").asText());
        assertEquals(boundary == null ? null : boundary.longValue(), t.get("boundary_concurrency").isNull() ? null : t.get("boundary_concurrency").asLong(), label);
        assertEquals(status, t.get("convergence_status").asText(), label);
        assertEquals(upper == null ? null : upper.longValue(), t.get("bracket_upper").isNull() ? null : t.get("bracket_upper").asLong(), label);
        assertEquals(probes, t.get("probe_count").asInt(), label);
        if (bindingThreshold == null) assertTrue(t.get("binding_constraint").isNull(), label);
        else assertEquals(bindingThreshold, t.get("binding_constraint").get("threshold").asDouble(), label);
    }

    @Test
    void orderedTiersShareProbesAndStopAtTheirOwnBoundaries() {
        SearchSpecs.Resolved r = resolve("1000", "30", tier("fast", "time_to_first_token:p95:lt:200")
                + tier("standard", "time_to_first_token:p95:lt:500"), "");
        assertInstanceOf(MultiTierPlanner.class, r.planner());
        assertTrue(r.notices().isEmpty(), "smooth_isotonic is the multi-tier default: no notice");
        SearchLoop loop = run(r, -1);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32, 24, 20, 18, 19, 64, 48, 56, 52, 50}, loop.probes(0));
        assertEquals("multi_tier_all_converged", loop.reason);
        ObjectNode h = history(r, loop);
        assertTier(h.get("tier_results").get(0), "fast", 19, "converged", 20, 10, 200.0);
        assertTier(h.get("tier_results").get(1), "standard", 48, "converged", 50, 15, 500.0);
        assertEquals("multi_tier_precision_reached", h.get("tier_results").get(0).get("convergence_reason").asText());
        assertEquals(500.0, h.get("tier_results").get(1).get("binding_constraint").get("observed").asDouble());
        JsonNode meta = h.get("tier_metadata");
        assertEquals(15, meta.get("actual_probe_count").asInt());
        assertEquals(25, meta.get("tier_evaluation_count").asInt());
        assertEquals("[{\"strict\":\"fast\",\"lenient\":\"standard\"}]", meta.get("ordering_pairs").toString());
        List<Boolean> feasible = loop.history.stream().map(Evaluation::feasible).toList();
        assertEquals(List.of(true, true, true, true, true, true, true, true, true, true, false, true, false, false, false), feasible);
        JsonNode b = h.get("boundary_summary");
        assertEquals(48, b.get("feasible_max").get("value").asInt());
        assertEquals(11, b.get("feasible_max").get("iteration_idx").asInt());
        assertEquals(50, b.get("infeasible_min").get("value").asInt());
        assertEquals(14, b.get("infeasible_min").get("iteration_idx").asInt());
        assertEquals(500.0, b.get("infeasible_min").get("first_breach").get("threshold").asDouble());
        assertEquals(List.of("fast", "standard"), h.get("config").get("tiers").findValuesAsText("label"));
    }

    @Test
    void unorderedTiersWithAGlobalFilterAndAnInvertedBracket() {
        SearchSpecs.Resolved r = resolve("100", "30", tier("fast", "output_token_throughput:avg:gt:1000", "time_to_first_token:p95:lt:300")
                + tier("tier_2", "time_to_first_token:p95:lt:700"), "{metric_tag: time_to_first_token, stat: p95, op: lt, threshold: 5000}");
        SearchLoop loop = run(r, -1);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32, 24, 28, 30, 29, 64, 100, 82, 73, 68, 70}, loop.probes(0));
        ObjectNode h = history(r, loop);
        assertTier(h.get("tier_results").get(0), "fast", 29, "converged", 30, 10, 300.0);
        assertTier(h.get("tier_results").get(1), "tier_2", 68, "converged", 70, 16, 700.0);
        assertEquals(26, h.get("tier_metadata").get("tier_evaluation_count").asInt());
        assertTrue(h.get("tier_metadata").get("ordering_pairs").isNull());
        boolean[] warn = r.planner().nonMonotonic(loop.history);
        boolean[] expected = new boolean[16];
        expected[4] = true; // fast failed at 1 (throughput), passed at 16: the stale upper end is dropped
        assertArrayEquals(expected, warn);
        assertTrue(h.get("boundary_summary").get("non_monotonic_warning").asBoolean());
        assertEquals(3, h.get("tier_results").get(0).get("filters").size(), "the tier's filters and the search's");
    }

    @Test
    void budgetNoPassAndNoFailureEndAsAiperfEndsThem() {
        String tiers = tier("fast", "time_to_first_token:p95:lt:200") + tier("standard", "time_to_first_token:p95:lt:500");
        SearchSpecs.Resolved budget = resolve("1000", "6", tiers, "");
        SearchLoop b = run(budget, -1);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32}, b.probes(0));
        assertEquals("max_iterations", b.reason);
        ObjectNode hb = history(budget, b);
        assertTier(hb.get("tier_results").get(0), "fast", 16, "partial", 32, 6, 200.0);
        assertTier(hb.get("tier_results").get(1), "standard", 32, "partial", null, 6, null);

        SearchSpecs.Resolved none = resolve("1000", "30", tier("a", "time_to_first_token:p95:lt:5") + tier("b", "time_to_first_token:p95:lt:8"), "");
        SearchLoop n = run(none, -1);
        assertArrayEquals(new double[] {1}, n.probes(0));
        assertEquals("multi_tier_all_converged", n.reason);
        assertTier(history(none, n).get("tier_results").get(1), "b", null, "no_pass_in_range", 1, 1, 8.0);

        SearchSpecs.Resolved all = resolve("50", "30", tier("a", "time_to_first_token:p95:lt:5000") + tier("b", "time_to_first_token:p95:lt:8000"), "");
        SearchLoop a = run(all, -1);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32, 50}, a.probes(0));
        assertTier(history(all, a).get("tier_results").get(0), "a", 50, "no_failure_in_range", null, 7, null);
    }

    @Test
    void aTierPassingAtTheUpperEndDuringBisectionEndsWithNoFailureInRange() {
        SearchSpecs.Resolved r = resolve("256", "30", tier("interactive", "time_to_first_token:p95:lt:200")
                + tier("batch", "time_to_first_token:p95:lt:100000"), "");
        SearchLoop loop = run(r, -1);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 32, 24, 20, 18, 19, 64, 128, 256}, loop.probes(0));
        ObjectNode done = history(r, loop);
        assertTier(done.get("tier_results").get(0), "interactive", 19, "converged", 20, 10, 200.0);
        assertTier(done.get("tier_results").get(1), "batch", 256, "no_failure_in_range", null, 13, null);
        // written while the search runs (no reason yet), the last ask has not settled it
        ObjectNode running = SearchHistoryJson.tree(r.planner(), loop.history, null, null);
        assertEquals("partial", running.at("/tier_results/1/convergence_status").asText());
    }

    @Test
    void aNonMonotoneProbeIsLatchedAsAiperfLatchesIt() {
        SearchSpecs.Resolved r = resolve("1000", "30", tier("fast", "time_to_first_token:p95:lt:200")
                + tier("standard", "time_to_first_token:p95:lt:500"), "");
        SearchLoop loop = run(r, 16);
        assertArrayEquals(new double[] {1, 2, 4, 8, 16, 12, 14, 15}, loop.probes(0));
        ObjectNode h = history(r, loop);
        assertTier(h.get("tier_results").get(0), "fast", 15, "converged", 16, 8, 200.0);
        assertTier(h.get("tier_results").get(1), "standard", 15, "converged", 16, 8, 500.0);
        assertEquals(16, h.get("boundary_summary").get("infeasible_min").get("value").asInt());
        assertEquals(4, h.get("boundary_summary").get("infeasible_min").get("iteration_idx").asInt());
        assertEquals(200.0, h.get("boundary_summary").get("infeasible_min").get("first_breach").get("threshold").asDouble());
    }

    @Test
    void aResumedHistoryProposesTheSameNextProbe() {
        SearchSpecs.Resolved r = resolve("1000", "30", tier("fast", "time_to_first_token:p95:lt:200")
                + tier("standard", "time_to_first_token:p95:lt:500"), "");
        SearchLoop loop = run(r, -1);
        List<Evaluation> prefix = loop.history.subList(0, 12);
        String json = SearchHistoryJson.write(r.planner(), prefix, null, null);
        List<Evaluation> read = SearchHistoryJson.read(json, r.planner(), "search_history.json");
        assertEquals(Arrays.toString(((SearchStep.Probe) r.planner().next(prefix)).values()),
                Arrays.toString(((SearchStep.Probe) r.planner().next(read)).values()));
        assertEquals(56.0, ((SearchStep.Probe) r.planner().next(read)).values()[0]);
    }

    @Test
    void badTiersAreOneLineNamingTheField() {
        String two = tier("fast", "time_to_first_token:p95:lt:200") + tier("standard", "time_to_first_token:p95:lt:500");
        assertEquals("sweep.slaTiers: expected between 2 and 10 tiers, got 1; give one per service level, or use --search-sla for a single one",
                assertThrows(SpecException.class, () -> resolve("1000", "30", tier("fast", "time_to_first_token:p95:lt:200"), "")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> resolve("1000", "30", tier("a", "time_to_first_token:p95:lt:200")
                + tier("a", "time_to_first_token:p95:lt:500"), "")).getMessage().startsWith("sweep.slaTiers[1]: duplicate label 'a'"));
        assertTrue(assertThrows(SpecException.class, () -> resolve("1000", "30", tier("a", "time_to_frist_token:p95:lt:200")
                + tier("b", "time_to_first_token:p95:lt:500"), "")).getMessage().startsWith("sweep.slaTiers[0].filters[0]: unknown metric tag"));
        String real = assertThrows(SpecException.class, () -> resolve("1000, kind: real", "30", two, "")).getMessage();
        assertEquals("sweep.slaTiers: a multi-tier search needs an integer knob (kind int), got real on phases.profiling.concurrency", real);
    }
}
