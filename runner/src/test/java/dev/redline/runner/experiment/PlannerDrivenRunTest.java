package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Observation;
import dev.redline.plan.Planner;
import dev.redline.plan.Step;
import dev.redline.plan.SweepPlanner;
import dev.redline.plan.Variation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The iteration API an adaptive search plugs into: ExperimentRun asks the planner for each next
 * variation from what finished, runs its trials and stops when the planner says done. The engine here
 * is a pure function of concurrency (throughput saturating at 4), so the planner's decisions are known.
 */
class PlannerDrivenRunTest {
    @TempDir Path dir;

    /** Doubles concurrency until throughput stops rising. */
    static final class Doubling implements Planner {
        private final BenchmarkSpec base;

        Doubling(BenchmarkSpec base) {
            this.base = base;
        }

        @Override
        public Step next(List<Observation> finished, List<Variation> running) {
            if (finished.size() >= 2) {
                double last = finished.get(finished.size() - 1).mean("request_throughput", "avg");
                double before = finished.get(finished.size() - 2).mean("request_throughput", "avg");
                if (last <= before) return Step.done("plateau");
            }
            int c = 1 << finished.size();
            return Step.run(SweepPlanner.variation(base, finished.size(), Map.of("concurrency", c), null, null, "search"));
        }
    }

    @Test
    void thePlannerProposesFromTheHistoryUntilItIsDone() throws Exception {
        BenchmarkSpec base = new BenchmarkSpec();
        base.setModels(List.of("m"));
        base.endpoint().setUrl("http://127.0.0.1:9");
        PhaseSpec p = new PhaseSpec();
        p.setRequests(10);
        base.setPhases(new ArrayList<>(List.of(p)));
        List<Integer> ran = new ArrayList<>();
        CellEngine engine = (spec, labels, d) -> {
            int c = spec.getPhases().get(0).getConcurrency();
            ran.add(c);
            return new CellResult(0, new ProfileExport().putMetric("request_throughput", MetricBlock.scalar("requests/sec", 10.0 * Math.min(c, 4)))
                    .putMetric("time_to_first_token", new MetricBlock("ms", Map.of("avg", 5.0 * c, "p99", 10.0 * c))), null, false);
        };
        ExperimentPlan plan = ExperimentPlan.of(base, null, null, 7L, "");
        // one directory per proposed cell, as a sweep's (AIPerf's search layout is the search's own)
        ExperimentLayout layout = new ExperimentLayout.Aiperf(dir, true, plan.trials(), plan.order());
        ExperimentResult r = new ExperimentRun(plan, new Doubling(base), layout, engine,
                new ExperimentListener() { }, "test", "test").run();
        assertEquals(List.of(1, 2, 4, 8), ran);
        assertEquals("plateau", r.stopReason());
        assertEquals(0, r.exitCode());
        JsonNode sweep = new ObjectMapper().readTree(dir.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
        assertEquals(4, sweep.get("per_combination_metrics").size());
        assertEquals(4, sweep.at("/best_configurations/best_throughput/parameters/concurrency").asInt(), "first of the ties at 40 req/s");
    }
}
