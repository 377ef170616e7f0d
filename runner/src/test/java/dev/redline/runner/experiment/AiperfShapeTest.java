package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.plan.ExperimentPlan;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redline's aggregate exports, written by real runs against the mock server, have the key shapes of
 * AIPerf 0.13's, run here on the same workload (crds/src/test/resources/aiperf-0.13; the workload and the
 * command are in its README): the same top-level, metadata, per-combination and per-metric keys, and
 * the same CSV sections. Metric sets differ where the tools' metric catalogues do.
 */
class AiperfShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REFERENCE = Path.of("../crds/src/test/resources/aiperf-0.13");
    /** Metrics both tools report; their blocks must match field for field. */
    private static final List<String> CORE = List.of("request_throughput", "time_to_first_token", "inter_token_latency", "request_latency",
            "output_token_throughput", "output_sequence_length", "input_sequence_length", "request_count", "benchmark_duration");

    @TempDir Path dir;

    private static ExperimentResult run(String url, Path base, String rest) {
        ExperimentPlan plan = ExperimentPlan.of(ExperimentRunTest.envelope(url, rest));
        try (ProfileEngine engine = ExperimentRunTest.engine()) {
            return ExperimentRunTest.run(plan, base, engine, new ExperimentListener() { });
        }
    }

    @Test
    void sweepAndMultiRunAggregatesHaveAiperfsShape() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(20).itlMs(2))) {
            run(mock.baseUrl(), dir.resolve("sweep1"), "sweep: {parameters: {concurrency: [1, 2]}}");
            run(mock.baseUrl(), dir.resolve("sweep2"), "sweep: {parameters: {concurrency: [1, 2]}}\nmulti_run: {num_runs: 2}");
            run(mock.baseUrl(), dir.resolve("multi"), "multi_run: {num_runs: 3}");
        }
        sameSweepShape(REFERENCE.resolve("sweep-1trial/sweep.json"), dir.resolve("sweep1/sweep_aggregate/profile_export_redline_sweep.json"), false);
        sameSweepShape(REFERENCE.resolve("sweep-2trials/sweep.json"), dir.resolve("sweep2/aggregate/sweep_aggregate/profile_export_redline_sweep.json"), true);
        assertTrue(Files.isRegularFile(dir.resolve("sweep2/profile_runs/trial_0002/concurrency_2/profile_export_redline.json")), "AIPerf's repeated layout");
        assertTrue(Files.isRegularFile(dir.resolve("sweep2/aggregate/concurrency_1/profile_export_redline_aggregate.json")));
        assertTrue(Files.isRegularFile(dir.resolve("sweep1/aggregate/concurrency_2/profile_export_redline_aggregate.json")));

        JsonNode ref = JSON.readTree(REFERENCE.resolve("multirun-3/aggregate.json").toFile());
        JsonNode ours = JSON.readTree(dir.resolve("multi/aggregate/profile_export_redline_aggregate.json").toFile());
        TreeSet<String> top = names(ref);
        top.remove("aiperf_version");
        top.add("redline_version");
        assertEquals(top, names(ours));
        assertEquals(names(ref.get("metadata")), names(ours.get("metadata")));
        for (String tag : CORE) {
            for (String stat : List.of("avg", "p99")) {
                String key = tag + "_" + stat;
                if (!ref.get("metrics").has(key)) continue;
                assertTrue(ours.get("metrics").has(key), key);
                assertEquals(names(ref.at("/metrics/" + key)), names(ours.at("/metrics/" + key)), key);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("multi/profile_runs/run_0003/profile_export_redline.json")));

        sameCsvSections(REFERENCE.resolve("multirun-3/aggregate.csv"), dir.resolve("multi/aggregate/profile_export_redline_aggregate.csv"));
        sameCsvSections(REFERENCE.resolve("sweep-2trials/sweep.csv"), dir.resolve("sweep2/aggregate/sweep_aggregate/profile_export_redline_sweep.csv"));
    }

    private static void sameSweepShape(Path refFile, Path oursFile, boolean multiTrial) throws Exception {
        JsonNode ref = JSON.readTree(refFile.toFile());
        JsonNode ours = JSON.readTree(oursFile.toFile());
        assertEquals(names(ref), names(ours), oursFile.toString());
        assertEquals(names(ref.get("metadata")), names(ours.get("metadata")));
        assertEquals(ref.at("/metadata/sweep_parameters"), ours.at("/metadata/sweep_parameters"));
        assertEquals(ref.get("per_combination_metrics").size(), ours.get("per_combination_metrics").size());
        JsonNode r0 = ref.at("/per_combination_metrics/1");
        JsonNode o0 = ours.at("/per_combination_metrics/1");
        assertEquals(r0.get("parameters"), o0.get("parameters"));
        assertEquals(names(r0), names(o0));
        for (String tag : CORE) {
            String key = multiTrial ? tag + "_avg" : tag;
            if (!r0.get("metrics").has(key)) continue;
            assertTrue(o0.get("metrics").has(key), key);
            assertEquals(names(r0.get("metrics").get(key)), names(o0.get("metrics").get(key)), key);
        }
        JsonNode bestRef = JSON.readTree(REFERENCE.resolve("sweep-2trials/sweep.json").toFile()).get("best_configurations");
        assertEquals(names(bestRef), names(ours.get("best_configurations")), "AIPerf 0.13 fills these only with several trials; Redline always");
        assertEquals(names(bestRef.get("best_throughput")), names(ours.at("/best_configurations/best_throughput")));
        assertTrue(ours.get("pareto_optimal").size() >= 1);
        assertEquals(names(ref.at("/per_combination_metrics/0/parameters")), names(ours.at("/pareto_optimal/0")));
    }

    private static void sameCsvSections(Path refFile, Path oursFile) throws Exception {
        List<String> ref = Files.readAllLines(refFile);
        List<String> ours = Files.readAllLines(oursFile);
        assertEquals(sections(ref), sections(ours), oursFile.toString());
        assertEquals(ref.get(0).split(",")[0], ours.get(0).split(",")[0]);
    }

    /** The first cell of the first line after each blank line: the CSV's section headings. */
    private static List<String> sections(List<String> lines) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) if (lines.get(i - 1).isBlank() && !lines.get(i).isBlank()) out.add(lines.get(i).split(",")[0]);
        return out;
    }

    private static TreeSet<String> names(JsonNode n) {
        TreeSet<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
