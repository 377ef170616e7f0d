package dev.redline.plan.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.plan.Knob;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchHistoryJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProfileExport export(double throughput, double ttftP95) {
        return new ProfileExport()
                .putMetric("output_token_throughput", MetricBlock.scalar("tokens/sec", throughput))
                .putMetric("time_to_first_token", new MetricBlock("ms", Map.of("avg", ttftP95 / 2, "p95", ttftP95)));
    }

    /** A monotonic search whose iterations come from real profile exports (two trials each). */
    private static List<Evaluation> run(MonotonicSlaPlanner planner) {
        List<Evaluation> history = new ArrayList<>();
        for (int guard = 0; guard < 40; guard++) {
            SearchStep s = planner.next(history);
            if (s instanceof SearchStep.Done) break;
            double c = ((SearchStep.Probe) s).values()[0];
            List<ProfileExport> trials = c == 256 ? List.of() : List.of(export(10 * c, 62.5 + c), export(10 * c + 2, 62.5 + c + 1));
            history.add(Evaluations.of(planner.problem(), history.size(), new double[] {c}, trials, Map.of(),
                    c == 256 ? "connection refused" : null));
        }
        return history;
    }

    @Test
    void historyHasAipersShapeAndReadsBackExactly() throws Exception {
        SearchProblem p = MonotonicSlaPlannerTest.problem(1, 1000, Knob.Kind.INT, 30);
        MonotonicSlaPlanner planner = new MonotonicSlaPlanner(p);
        List<Evaluation> history = run(planner);
        String text = SearchHistoryJson.write(planner, history, "max-concurrency-under-sla", ConvergenceReason.MONOTONIC_PRECISION_REACHED);
        JsonNode root = JSON.readTree(text);
        assertEquals(Set.of("config", "iterations", "best_trials", "boundary_summary", "recipe", "convergence_reason"), keys(root));
        assertEquals(Set.of("planner", "objectives", "outcome_constraints", "max_iterations", "n_initial_points", "random_seed",
                "improvement_patience", "plateau_window", "plateau_threshold", "precision", "search_space", "sla_filters"), keys(root.get("config")));
        assertEquals("lt", root.at("/config/sla_filters/0/op").asText());
        assertEquals("MAXIMIZE", root.at("/config/objectives/0/direction").asText());
        JsonNode first = root.at("/iterations/0");
        assertEquals(0, first.get("iteration_idx").asInt());
        assertEquals(1, first.at("/variation_values/phases.profiling.concurrency").asLong());
        assertTrue(first.at("/variation_values/phases.profiling.concurrency").isIntegralNumber());
        assertEquals(11, first.at("/objective_values/0").asDouble(), 1e-9, "mean of the trials' throughputs");
        assertEquals(1.0, first.at("/objective_variances/0").asDouble(), 1e-9, "squared standard error of the mean of 10 and 12");
        JsonNode failed = root.at("/iterations/8");
        assertEquals("connection refused", failed.get("error").asText());
        assertTrue(failed.get("objective_values").isNull());
        assertFalse(failed.get("feasible").asBoolean());

        JsonNode best = root.at("/best_trials/0");
        assertEquals(Set.of("iteration_idx", "objective_values", "variation_values", "feasible", "feasible_count", "pareto_rank"), keys(best));
        assertTrue(best.get("feasible").asBoolean());
        JsonNode b = root.get("boundary_summary");
        assertEquals("phases.profiling.concurrency", b.get("swept_dim_path").asText());
        assertEquals("time_to_first_token", b.at("/infeasible_min/first_breach/metric_tag").asText());
        assertTrue(b.at("/infeasible_min/first_breach/observed").asDouble() >= 200);
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, root.get("convergence_reason").asText());

        List<Evaluation> back = SearchHistoryJson.read(text, planner, "search_history.json");
        assertEquals(history.size(), back.size());
        for (int i = 0; i < history.size(); i++) {
            assertArrayEquals(history.get(i).values(), back.get(i).values(), 0);
            assertEquals(history.get(i).feasible(), back.get(i).feasible());
            assertEquals(history.get(i).failed(), back.get(i).failed());
            assertArrayEquals(history.get(i).slaObserved(), back.get(i).slaObserved(), 0);
        }
        assertEquals(planner.next(history), planner.next(back), "a resumed planner continues where the old one stopped");
    }

    @Test
    void historyOfAnotherSearchIsRefused() {
        SearchProblem p = MonotonicSlaPlannerTest.problem(1, 1000, Knob.Kind.INT, 30);
        MonotonicSlaPlanner planner = new MonotonicSlaPlanner(p);
        String text = SearchHistoryJson.write(planner, run(planner), null, null);
        MonotonicSlaPlanner other = new MonotonicSlaPlanner(MonotonicSlaPlannerTest.problem(1, 500, Knob.Kind.INT, 30));
        var e = assertThrows(IllegalArgumentException.class, () -> SearchHistoryJson.read(text, other, "old/search_history.json"));
        assertTrue(e.getMessage().startsWith("old/search_history.json: the search there has a different search_space"), e.getMessage());
    }

    @Test
    void scalarMetricsStandForAnyStatAndGoodRequestFractionIsDerived() {
        ProfileExport e = new ProfileExport()
                .putMetric("request_error_rate", MetricBlock.scalar("%", 2.5))
                .putMetric("good_request_count", MetricBlock.scalar("requests", 90))
                .putMetric("request_count", MetricBlock.scalar("requests", 95))
                .putMetric("error_request_count", MetricBlock.scalar("requests", 5));
        assertEquals(2.5, Evaluations.value(e, "request_error_rate", "p95"));
        assertEquals(0.9, Evaluations.value(e, SearchMetrics.GOOD_REQUEST_FRACTION, "avg"), 1e-12);
        assertEquals(null, Evaluations.value(e, "time_to_first_token", "p95"));
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) s.add(it.next());
        Set<String> extras = Set.of("objective_variances", "sla_observed", "error", "hypervolume");
        s.removeAll(extras);
        return s;
    }
}
