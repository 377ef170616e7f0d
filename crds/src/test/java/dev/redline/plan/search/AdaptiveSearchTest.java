package dev.redline.plan.search;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecException;
import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.plan.Observation;
import dev.redline.plan.Step;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YAML adaptive search driven through the experiment layer's Planner API, as ExperimentRun and the operator drive it. */
class AdaptiveSearchTest {
    private static final String FILE = """
            schema_version: "2.0"
            benchmark:
              models: [m]
              endpoint: {url: "http://127.0.0.1:1", streaming: true}
              phases:
                - {kind: profiling, concurrency: 4, requests: 100}
            sweep:
              type: adaptive_search
              planner: monotonic_sla
              search_space:
                - {path: concurrency, lo: 1, hi: 512}
              objectives:
                - {metric: output_token_throughput, direction: maximize}
              sla_filters:
                - {metric_tag: time_to_first_token, stat: p95, op: lt, threshold: 200}
              max_iterations: 25
            multi_run:
              num_runs: 2
            """;

    private static AdaptiveSearch search(String text) {
        ConfigEnvelope env = ConfigEnvelope.read(text, "search.yaml");
        SearchSpecs.Resolved r = SearchSpecs.resolve(env.getSearch(), true, SearchFieldNames.under("sweep"));
        return new AdaptiveSearch(env.benchmark(), r, "sweep", o -> Map.of());
    }

    private static ProfileExport export(double c, double jitter) {
        return new ProfileExport()
                .putMetric("output_token_throughput", MetricBlock.scalar("tokens/sec", 10 * Math.min(c, 100)))
                .putMetric("time_to_first_token", new MetricBlock("ms", Map.of("p95", 40 + c + jitter)));
    }

    @Test
    void adaptiveSearchSweepDrivesTheMonotonicPlannerThroughVariations() {
        AdaptiveSearch search = search(FILE);
        assertInstanceOf(MonotonicSlaPlanner.class, search.strategy());
        assertEquals(25, search.budget().getAsInt());
        List<Observation> finished = new ArrayList<>();
        String reason = null;
        for (int guard = 0; guard < 30 && reason == null; guard++) {
            Step step = search.next(finished, List.of());
            if (step instanceof Step.Done d) {
                reason = d.reason();
                break;
            }
            Variation v = ((Step.Run) step).variation();
            assertEquals(AdaptiveSearch.label(finished.size()), v.label());
            long c = (Long) v.values().get("phases.profiling.concurrency");
            assertEquals(c, v.spec().getPhases().get(0).getConcurrency().longValue(), "the knob is set in the benchmark");
            assertEquals(Step.await(), search.next(finished, List.of(v)), "one iteration at a time");
            finished.add(new Observation(v, List.of(TrialOutcome.ok(0, export(c, -1)), TrialOutcome.ok(1, export(c, 1)))));
        }
        assertEquals(ConvergenceReason.MONOTONIC_PRECISION_REACHED, reason);
        BoundarySummary b = search.strategy().boundary(search.evaluations(finished));
        assertTrue(b.feasibleMax().value() < 160 && b.infeasibleMin().value() >= 160, b.toString());
        assertTrue(search.historyJson(finished, reason).contains("\"convergence_reason\" : \"monotonic_precision_reached\""));
    }

    @Test
    void aFailedIterationIsInfeasibleAndTheSearchGoesOn() {
        AdaptiveSearch search = search(FILE);
        Variation first = ((Step.Run) search.next(List.of(), List.of())).variation();
        Observation failed = new Observation(first, List.of(TrialOutcome.failed(0, "connection refused")));
        Evaluation e = search.evaluations(List.of(failed)).get(0);
        assertTrue(e.failed() && !e.feasible());
        assertEquals("connection refused", e.error());
        assertEquals(new Step.Done(ConvergenceReason.MONOTONIC_NO_PASS_IN_RANGE), search.next(List.of(failed), List.of()));
    }

    @Test
    void aSpaceWhoseEndMakesAnInvalidBenchmarkFailsUpFront() {
        String bad = FILE.replace("{path: concurrency, lo: 1, hi: 512}", "{path: phases.profiling.requests, lo: -5, hi: 10}");
        var e = assertThrows(SpecException.class, () -> search(bad));
        assertTrue(e.getMessage().startsWith("sweep: search iteration 0 (phases.profiling.requests=-5)"), e.getMessage());
    }

    @Test
    void unknownKeysOfTheSearchAreNamedWithTheirSection() {
        var e = assertThrows(SpecException.class, () -> ConfigEnvelope.read(FILE.replace("max_iterations: 25", "max_iteratons: 25"), "search.yaml"));
        assertTrue(e.getMessage().startsWith("search.yaml: sweep: max_iteratons: unknown key (did you mean 'maxIterations'?)"), e.getMessage());
    }
}
