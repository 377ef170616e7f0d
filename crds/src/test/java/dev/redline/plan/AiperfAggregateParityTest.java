package dev.redline.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.plan.aggregate.AggregateCsv;
import dev.redline.plan.aggregate.AggregateJson;
import dev.redline.plan.aggregate.ConfidenceAggregate;
import dev.redline.plan.aggregate.SweepAggregate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recomputes AIPerf 0.13's aggregates from the per-run exports it wrote and compares: the confidence
 * statistics of a 3-run multi-run and the sweep aggregate of a 2-trial and a 1-trial concurrency sweep,
 * value by value and key by key, and the CSV text.
 */
class AiperfAggregateParityTest {
    private static final double REL = 1e-7; // numpy sums pairwise; the last digits differ

    private static List<TrialOutcome> runs(String dir, int n) {
        List<TrialOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(TrialOutcome.ok(i, AiperfReference.export(dir + "/run_000" + (i + 1) + ".json")));
        return out;
    }

    @Test
    void confidenceStatisticsEqualAiperfs() {
        ConfidenceAggregate ours = ConfidenceAggregate.of(runs("multirun-3", 3), 0.95, 0.0);
        JsonNode ref = AiperfReference.json("multirun-3/aggregate.json");
        JsonNode refMetrics = ref.get("metrics");
        assertEquals(names(refMetrics), new TreeSet<>(ours.metrics().keySet()), "the same <tag>_<stat> keys");
        JsonNode mine = AggregateJson.confidence(ours, "test");
        for (Iterator<Map.Entry<String, JsonNode>> it = refMetrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = mine.at("/metrics/" + e.getKey());
            assertEquals(names(e.getValue()), names(m), e.getKey());
            for (String f : List.of("mean", "std", "min", "max", "cv", "se", "ci_low", "ci_high", "t_critical")) {
                close(e.getValue().get(f), m.get(f), e.getKey() + "." + f);
            }
            assertEquals(e.getValue().get("unit"), m.get("unit"), e.getKey());
        }
        assertEquals(4.302652729749462, ours.metric("request_throughput", "avg").tCritical(), 1e-12, "t(0.975, df=2)");
        // top level and metadata: AIPerf's keys (aiperf_version is redline_version here)
        TreeSet<String> top = names(ref);
        top.remove("aiperf_version");
        top.add("redline_version");
        assertEquals(top, names(mine));
        assertEquals(names(ref.get("metadata")), names(mine.get("metadata")));
        assertEquals(ref.at("/metadata/run_labels"), mine.at("/metadata/run_labels"));
    }

    @Test
    void confidenceCsvHasAiperfsLayout() {
        String ours = AggregateCsv.confidence(ConfidenceAggregate.of(runs("multirun-3", 3), 0.95, 0.0));
        String ref = AiperfReference.text("multirun-3/aggregate.csv");
        // same rows (AIPerf's metric order is a set's order; ours is the run's) and the same metadata section
        assertEquals(sortedTable(ref), sortedTable(ours));
        assertEquals(ref.substring(ref.indexOf("\r\n\r\n")), ours.substring(ours.indexOf("\r\n\r\n")));
    }

    private static List<Observation> concurrencySweep(String dir, int trials) {
        BenchmarkSpec base = new BenchmarkSpec();
        base.setModels(List.of("mock-model"));
        base.endpoint().setUrl("http://127.0.0.1:18931");
        PhaseSpec p = new PhaseSpec();
        p.setRequests(20);
        base.setPhases(List.of(p));
        SweepSpec sweep = new SweepSpec();
        sweep.setParameters(Map.of("concurrency", List.of(1, 2)));
        SweepPlan plan = SweepPlanner.plan(base, sweep, 42L, "sweep");
        List<Observation> out = new ArrayList<>();
        for (Variation v : plan.variations()) {
            int c = (Integer) v.values().get("phases.profiling.concurrency");
            List<TrialOutcome> t = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                String file = trials == 1 ? dir + "/concurrency_" + c + ".json" : dir + "/trial_000" + (i + 1) + "_concurrency_" + c + ".json";
                t.add(TrialOutcome.ok(i, AiperfReference.export(file)));
            }
            out.add(new Observation(v, t));
        }
        return out;
    }

    @Test
    void twoTrialSweepEqualsAiperfs() {
        SweepAggregate agg = SweepAggregate.of(concurrencySweep("sweep-2trials", 2), 2, "repeated", 0.95, 2, false);
        ObjectNode ours = AggregateJson.sweep(agg);
        JsonNode ref = AiperfReference.json("sweep-2trials/sweep.json");
        assertEquals(names(ref), names(ours));
        assertEquals(ref.get("metadata"), ours.get("metadata"));
        assertEquals(ref.get("pareto_optimal"), ours.get("pareto_optimal"));
        assertEquals(ref.at("/best_configurations/best_throughput/parameters"), ours.at("/best_configurations/best_throughput/parameters"));
        close(ref.at("/best_configurations/best_latency_p99/metric"), ours.at("/best_configurations/best_latency_p99/metric"), "best latency");
        comparePerCombination(ref, ours);
        String refCsv = AiperfReference.text("sweep-2trials/sweep.csv");
        assertEquals(refCsv, AggregateCsv.sweep(agg), "the sweep CSV, byte for byte");
    }

    @Test
    void singleTrialSweepHasAiperfsCellsAndFillsBestAndPareto() {
        SweepAggregate agg = SweepAggregate.of(concurrencySweep("sweep-1trial", 1), 2, "repeated", 0.95, 1, false);
        ObjectNode ours = AggregateJson.sweep(agg);
        JsonNode ref = AiperfReference.json("sweep-1trial/sweep.json");
        assertEquals(names(ref), names(ours));
        assertEquals(ref.get("metadata"), ours.get("metadata"));
        comparePerCombination(ref, ours);
        // AIPerf 0.13 leaves these empty for one trial (it looks up <tag>_<stat> keys that only multi-trial cells have)
        assertEquals(0, ref.get("best_configurations").size());
        double t1 = ours.at("/per_combination_metrics/0/metrics/request_throughput/mean").asDouble();
        double t2 = ours.at("/per_combination_metrics/1/metrics/request_throughput/mean").asDouble();
        assertEquals(t2 > t1 ? 2 : 1, ours.at("/best_configurations/best_throughput/parameters/concurrency").asInt());
        assertEquals(names(AiperfReference.json("sweep-2trials/sweep.json").get("best_configurations")), names(ours.get("best_configurations")));
        assertTrue(ours.get("pareto_optimal").size() >= 1);
    }

    private static void comparePerCombination(JsonNode ref, JsonNode ours) {
        assertEquals(ref.get("per_combination_metrics").size(), ours.get("per_combination_metrics").size());
        for (int i = 0; i < ref.get("per_combination_metrics").size(); i++) {
            JsonNode r = ref.get("per_combination_metrics").get(i);
            JsonNode o = ours.get("per_combination_metrics").get(i);
            assertEquals(r.get("parameters"), o.get("parameters"));
            assertEquals(names(r.get("metrics")), names(o.get("metrics")));
            for (Iterator<Map.Entry<String, JsonNode>> it = r.get("metrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode m = o.get("metrics").get(e.getKey());
                assertEquals(names(e.getValue()), names(m), e.getKey());
                e.getValue().fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber() || f.getValue().isNull()) close(f.getValue(), m.get(f.getKey()), e.getKey() + "." + f.getKey());
                    else assertEquals(f.getValue(), m.get(f.getKey()), e.getKey() + "." + f.getKey());
                });
            }
        }
    }

    static TreeSet<String> names(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void close(JsonNode expected, JsonNode actual, String what) {
        if (expected == null || expected.isNull()) {
            assertTrue(actual == null || actual.isNull(), what + ": expected null, got " + actual);
            return;
        }
        double e = expected.asDouble();
        double a = actual.asDouble();
        assertEquals(e, a, Math.max(1e-12, Math.abs(e) * REL), what);
    }

    private static List<String> sortedTable(String csv) {
        String table = csv.substring(0, csv.indexOf("\r\n\r\n"));
        List<String> lines = new ArrayList<>(List.of(table.split("\r\n")));
        String header = lines.remove(0);
        lines.sort(null);
        lines.add(0, header);
        return lines;
    }
}
