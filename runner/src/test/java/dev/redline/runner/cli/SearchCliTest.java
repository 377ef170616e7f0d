package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redline profile --search-* and --search-recipe against the in-process mock server, with the real tokenizer. */
class SearchCliTest {
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static CliRun run(String... args) {
        CliRun r = CliRun.of(RedlineCli.commandLine(), args);
        return new CliRun(r.code(), r.out(), r.err().trim());
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    private String[] mock(String sub, String... more) {
        return with(new String[] {"profile", "--mock-server", "--osl", "4", "--request-count", "4", "--tokenizer", TOKENIZER,
                "--artifact-dir", dir.resolve(sub).toString(), "--ui-type", "none"}, more);
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun o = run(args);
        assertEquals(2, o.code(), "exit code for " + String.join(" ", args) + ": " + o.err());
        assertFalse(o.err().contains("\n"), "one line: " + o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertTrue(o.err().contains(expected), "expected '" + expected + "' in: " + o.err());
    }

    private static final String[] SEARCH = {"--search-space", "concurrency:1,16", "--search-metric", "output_token_throughput",
            "--search-direction", "maximize"};

    @Test
    void badSearchInputIsOneLineWithExitCode2() {
        String[] base = {"profile", "-m", "m", "--url", "http://127.0.0.1:1"};
        assertBadInput("--search-space #1: lo (16) must be < hi (4) for concurrency",
                with(base, "--search-space", "concurrency:16,4", "--search-metric", "request_throughput", "--search-direction", "maximize"));
        assertBadInput("--search-metric: unknown metric tag 'request_thruput' (did you mean 'request_throughput'?)",
                with(base, "--search-space", "concurrency:1,16", "--search-metric", "request_thruput", "--search-direction", "maximize"));
        assertBadInput("--search-stat: unknown stat 'p42'", with(with(base, SEARCH), "--search-stat", "p42"));
        assertBadInput("--search-sla #1: op must be lt, le, gt or ge, got 'eq'", with(with(base, SEARCH), "--search-sla", "time_to_first_token:p95:eq:200", "--streaming"));
        assertBadInput("--search-sla #1: time_to_first_token is measured only on streamed responses; add --streaming",
                with(with(base, SEARCH), "--search-sla", "time_to_first_token:p95:lt:200"));
        assertBadInput("--search-sla 'ttft:p95': expected TAG:STAT:OP:THRESHOLD", with(with(base, SEARCH), "--search-sla", "ttft:p95"));
        assertBadInput("--ttft-sla-ms: required by recipe max-throughput-ttft-sla", with(base, "--search-recipe", "max-throughput-ttft-sla", "--streaming"));
        assertBadInput("--search-recipe: recipe max-concurrency-under-sla judges time_to_first_token, which is measured only on streamed responses",
                with(base, "--search-recipe", "max-concurrency-under-sla", "--ttft-sla-ms", "200"));
        assertBadInput("--search-recipe max-concurrency-under-sla: the recipe chooses the space, objective and planner; drop --search-space",
                with(with(base, SEARCH), "--search-recipe", "max-concurrency-under-sla", "--e2e-sla-ms", "900"));
        assertBadInput("--search-metric: needs --search-space", with(base, "--search-metric", "request_throughput"));
        assertBadInput("--search-max-iterations: must be in 2..200, got 500", with(with(base, SEARCH), "--search-max-iterations", "500"));
        assertBadInput("--search-space: a search runs its own iterations; drop the sweep", with(with(base, SEARCH), "--isl", "16,32"));
        assertBadInput("--resume: continues a search", with(base, "--resume", "somewhere"));
        assertBadInput("--optuna-terminator: regret (posterior-regret stopping) is not implemented", with(with(base, SEARCH), "--optuna-terminator", "regret"));
    }

    @Test
    void monotonicSearchFindsTheExactIslBoundaryThroughRealRuns() throws Exception {
        // input_sequence_length is exact with the real tokenizer, so "ISL avg < 100" breaks exactly at isl = 100
        CliRun r = run(mock("isl", "--isl", "16", "--search-space", "isl:16,400", "--search-metric", "output_token_throughput",
                "--search-direction", "maximize", "--search-planner", "monotonic_sla", "--search-sla", "input_sequence_length:avg:lt:100"));
        assertEquals(0, r.code(), r.err());
        Path base = dir.resolve("isl");
        JsonNode h = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals("monotonic_precision_reached", h.get("convergence_reason").asText());
        long fmax = h.at("/boundary_summary/feasible_max/value").asLong();
        long imin = h.at("/boundary_summary/infeasible_min/value").asLong();
        assertTrue(fmax < 100 && imin >= 100, fmax + ".." + imin);
        assertTrue((imin - fmax) / (double) imin < 0.05, fmax + ".." + imin);
        assertEquals("input_sequence_length", h.at("/boundary_summary/infeasible_min/first_breach/metric_tag").asText());
        assertEquals(16, h.at("/iterations/0/variation_values/dataset.prompts.isl.mean").asLong());
        int n = h.get("iterations").size();
        for (int i = 0; i < n; i++) {
            Path export = base.resolve(String.format("search_iter_%04d/profile_runs/run_0001/profile_export_redline.json", i));
            assertTrue(Files.isRegularFile(export), export.toString());
            JsonNode e = JSON.readTree(export.toFile());
            assertEquals(h.at("/iterations/" + i + "/variation_values/dataset.prompts.isl.mean").asDouble(),
                    e.at("/input_sequence_length/avg").asDouble(), 0.01, "the probed ISL was really sent");
        }
        JsonNode sweep = JSON.readTree(base.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
        assertEquals(n, sweep.get("per_combination_metrics").size());
    }

    @Test
    void multiTierSearchFindsEachTiersExactIslBoundaryAsAiperfProbesIt() throws Exception {
        // AIPerf 0.13's MultiTierPlanner, driven over ISL = knob with these two tiers, probes exactly this sequence
        CliRun r = run(mock("tiers", "--isl", "16", "--search-space", "isl:16,400", "--search-metric", "output_token_throughput",
                "--search-direction", "maximize", "--search-planner", "smooth_isotonic",
                "--search-sla-tier", "short:input_sequence_length:avg:lt:100", "--search-sla-tier", "input_sequence_length:avg:lt:250"));
        assertEquals(0, r.code(), r.err());
        JsonNode h = JSON.readTree(dir.resolve("tiers/search_history.json").toFile());
        List<Long> probes = new ArrayList<>();
        for (JsonNode it : h.get("iterations")) probes.add(it.at("/variation_values/dataset.prompts.isl.mean").asLong());
        assertEquals(List.of(16L, 32L, 64L, 128L, 96L, 112L, 104L, 100L, 256L, 192L, 224L, 240L, 248L), probes);
        assertEquals("multi_tier_all_converged", h.get("convergence_reason").asText());
        assertEquals("short", h.at("/tier_results/0/label").asText());
        assertEquals(96, h.at("/tier_results/0/boundary_concurrency").asLong());
        assertEquals(100, h.at("/tier_results/0/bracket_upper").asLong());
        assertEquals("tier_2", h.at("/tier_results/1/label").asText());
        assertEquals(248, h.at("/tier_results/1/boundary_concurrency").asLong());
        assertEquals(256, h.at("/tier_results/1/bracket_upper").asLong());
        assertEquals(256.0, h.at("/tier_results/1/binding_constraint/observed").asDouble(), 0.01, "the real ISL sent");
        assertEquals("converged", h.at("/tier_results/1/convergence_status").asText());
        assertEquals(21, h.at("/tier_metadata/tier_evaluation_count").asInt());
        assertEquals("short", h.at("/tier_metadata/ordering_pairs/0/strict").asText());
        assertEquals(248, h.at("/boundary_summary/feasible_max/value").asLong());
        assertEquals(2, h.at("/config/tiers").size());
    }

    @Test
    void badTierInputIsOneLineWithExitCode2() {
        String[] base = with(new String[] {"profile", "-m", "m", "--url", "http://127.0.0.1:1"}, SEARCH);
        String ok = "fast:request_latency:p95:lt:500";
        assertBadInput("--search-sla-tier: expected between 2 and 10 tiers, got 1", with(base, "--search-sla-tier", ok));
        assertBadInput("--search-sla-tier ':request_latency:p95:lt:5,x': the label before ':' is empty",
                with(base, "--search-sla-tier", ":request_latency:p95:lt:5,x", "--search-sla-tier", ok));
        assertBadInput("--search-sla-tier 'slow': tier 'slow' has no filters", with(base, "--search-sla-tier", "slow", "--search-sla-tier", ok));
        // three colons before the first comma read as an unlabelled filter (AIPerf's rule), so 'lt' is its threshold
        assertBadInput("--search-sla-tier 'slow:request_latency:p95:lt' (tier 'tier_1'): threshold 'lt' is not a number",
                with(base, "--search-sla-tier", "slow:request_latency:p95:lt", "--search-sla-tier", ok));
        assertBadInput("--search-sla-tier 'slow:request_latency:p95' (tier 'slow'): expected TAG:STAT:OP:THRESHOLD",
                with(base, "--search-sla-tier", "slow:request_latency:p95", "--search-sla-tier", ok));
        assertBadInput("--search-sla-tier #2: duplicate label 'fast'", with(base, "--search-sla-tier", ok, "--search-sla-tier", ok));
        assertBadInput("--search-sla-tier: a multi-tier search needs an integer knob (kind int), got real",
                with(new String[] {"profile", "-m", "m", "--url", "http://127.0.0.1:1", "--search-space", "concurrency:1,16:real",
                        "--search-metric", "request_throughput", "--search-direction", "maximize"},
                        "--search-sla-tier", ok, "--search-sla-tier", "slow:request_latency:p95:lt:900"));
        assertBadInput("--search-sla-tier: needs --search-space", with(new String[] {"profile", "-m", "m", "--url", "http://127.0.0.1:1"},
                "--search-sla-tier", ok, "--search-sla-tier", "slow:request_latency:p95:lt:900"));
        assertBadInput("--search-sla-tier: recipe concurrency-ramp is a fixed sweep, not a search",
                "profile", "-m", "m", "--url", "http://127.0.0.1:1", "--search-recipe", "concurrency-ramp",
                "--search-sla-tier", ok, "--search-sla-tier", "slow:request_latency:p95:lt:900");
    }

    @Test
    void tiersLayerOverARecipeSearchAndItsSlaAppliesToEveryTier() throws Exception {
        CliRun r = run(mock("recipe-tiers", "--streaming", "--search-recipe", "max-concurrency-under-sla", "--ttft-sla-ms", "60000",
                "--concurrency-max", "8", "--search-sla-tier", "a:request_latency:p95:lt:100000", "--search-sla-tier", "b:request_latency:p95:lt:200000"));
        assertEquals(0, r.code(), r.err());
        JsonNode h = JSON.readTree(dir.resolve("recipe-tiers/search_history.json").toFile());
        List<Long> probes = new ArrayList<>();
        for (JsonNode it : h.get("iterations")) probes.add(it.at("/variation_values/phases.profiling.concurrency").asLong());
        assertEquals(List.of(1L, 2L, 4L, 8L), probes, "the mock stays far inside both tiers: ramp to the top");
        assertEquals("time_to_first_token", h.at("/config/sla_filters/0/metric_tag").asText(), "the recipe's SLA");
        assertEquals(2, h.at("/tier_results/0/filters").size(), "the tier's filter and the recipe's");
        assertEquals("no_failure_in_range", h.at("/tier_results/1/convergence_status").asText());
        assertEquals(8, h.at("/tier_results/1/boundary_concurrency").asLong());
        assertEquals("max-concurrency-under-sla", h.get("recipe").asText());
    }

    @Test
    void bayesianSearchResumesFromItsHistory() throws Exception {
        String[] first = mock("bo", "--concurrency", "1", "--search-space", "concurrency:1,12", "--search-metric", "request_throughput",
                "--search-direction", "maximize", "--search-initial-points", "2", "--search-random-seed", "3", "--search-max-iterations", "3");
        CliRun a = run(first);
        assertEquals(0, a.code(), a.err());
        Path base = dir.resolve("bo");
        JsonNode h3 = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals(3, h3.get("iterations").size());
        assertEquals("max_iterations", h3.get("convergence_reason").asText());
        String[] more = with(first, "--resume", base.toString());
        more[java.util.Arrays.asList(more).indexOf("--search-max-iterations") + 1] = "5";
        CliRun b = run(more);
        assertEquals(0, b.code(), b.err());
        JsonNode h5 = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals(5, h5.get("iterations").size());
        for (int i = 0; i < 3; i++) assertEquals(h3.at("/iterations/" + i + "/variation_values"), h5.at("/iterations/" + i + "/variation_values"));
        assertTrue(Files.isDirectory(base.resolve("search_iter_0004/profile_runs/run_0001")));
        CliRun other = run(with(mock("bo", "--concurrency", "1", "--search-space", "concurrency:1,20", "--search-metric", "request_throughput",
                "--search-direction", "maximize", "--search-max-iterations", "6"), "--resume", base.toString()));
        assertEquals(2, other.code(), other.err());
        assertTrue(other.err().contains("the search there has a different search_space"), other.err());
    }

    @Test
    void ctrlCKeepsTheFinishedIterationsAndResumeRunsTheCutOneAgain() throws Exception {
        // sim steps of 150 ms: a run of 4 requests of 4 tokens takes over a second, so Ctrl-C lands inside one
        String[] args = mock("cut", "--engine", "sim", "--step-base-ms", "150", "--search-space", "concurrency:1,8",
                "--search-metric", "request_throughput", "--search-direction", "maximize", "--search-planner", "grid",
                "--search-max-iterations", "4");
        Path base = dir.resolve("cut");
        CliRun[] cut = new CliRun[1];
        Thread worker = new Thread(() -> cut[0] = run(args), "search-under-test");
        worker.start();
        Path second = base.resolve("search_iter_0001/profile_runs/run_0001");
        Path records = second.resolve("profile_export.jsonl"); // opened when the second iteration starts measuring
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(records) && worker.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(Files.exists(records), () -> "the second iteration started: " + (cut[0] == null ? "running" : cut[0].err()));
        Thread.sleep(300);
        worker.interrupt(); // what Ctrl-C does (InterruptOnShutdown)
        worker.join(120_000);
        assertEquals(130, cut[0].code(), cut[0].err());
        JsonNode h = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals(1, h.get("iterations").size(), "only the finished iteration is judged: " + h);
        assertTrue(h.get("convergence_reason").isNull());
        assertTrue(JSON.readTree(second.resolve("profile_export_redline.json").toFile()).get("was_cancelled").asBoolean(),
                "the cut iteration wrote its partial results");

        CliRun resumed = run(with(args, "--resume", base.toString()));
        assertEquals(0, resumed.code(), resumed.err());
        JsonNode done = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals("grid_exhausted", done.get("convergence_reason").asText());
        List<Long> probed = new ArrayList<>();
        for (JsonNode it : done.get("iterations")) probed.add(it.at("/variation_values/phases.profiling.concurrency").asLong());
        assertEquals(List.of(1L, 3L, 6L, 8L), probed, "the cut iteration ran again, nothing twice");
        JsonNode export = JSON.readTree(second.resolve("profile_export_redline.json").toFile());
        assertFalse(export.get("was_cancelled").asBoolean(), "the re-run iteration's export is complete");
        assertEquals(4, export.at("/request_count/avg").asLong());
    }

    @Test
    void pooledPercentileIsTakenOverEveryRequestOfTheIterationsTrials() throws Exception {
        CliRun r = run(mock("pool", "--num-profile-runs", "2", "--search-space", "concurrency:1,2", "--search-metric", "request_latency",
                "--search-stat", "p90", "--search-direction", "minimize", "--search-planner", "grid", "--search-max-iterations", "2",
                "--search-percentile-pooling", "pooled"));
        assertEquals(0, r.code(), r.err());
        Path base = dir.resolve("pool");
        JsonNode h = JSON.readTree(base.resolve("search_history.json").toFile());
        for (int i = 0; i < 2; i++) {
            List<Double> all = new ArrayList<>();
            for (int t = 1; t <= 2; t++) {
                Path records = base.resolve(String.format("search_iter_%04d/profile_runs/run_%04d/profile_export.jsonl", i, t));
                for (String line : Files.readAllLines(records)) all.add(JSON.readTree(line).at("/metrics/request_latency/value").asDouble());
            }
            assertEquals(8, all.size(), "4 requests in each of 2 trials");
            java.util.Collections.sort(all);
            double rank = 0.90 * (all.size() - 1); // linear interpolation between closest ranks (numpy's default, AIPerf's)
            int lo = (int) Math.floor(rank);
            double expected = all.get(lo) + (rank - lo) * (all.get(Math.min(lo + 1, all.size() - 1)) - all.get(lo));
            assertEquals(expected, h.at("/iterations/" + i + "/objective_values/0").asDouble(), 1e-6, "iteration " + i);
        }
    }

    @Test
    void gridRecipeWritesItsDerivedFile() throws Exception {
        CliRun r = run(mock("ramp", "--search-recipe", "concurrency-ramp", "--concurrency-min", "1", "--concurrency-max", "4",
                "--concurrency-steps", "3"));
        assertEquals(0, r.code(), r.err());
        JsonNode knee = JSON.readTree(dir.resolve("ramp/sweep_aggregate/degradation_knee.json").toFile());
        assertEquals(1, knee.get("baseline_concurrency").asInt());
        assertEquals(3, knee.get("all_points").size());
        assertEquals("request_latency", knee.get("swept_metric").asText());
    }

    @Test
    void yamlAdaptiveSearchRunsWithTwoTrialsPerIteration() throws Exception {
        Path file = dir.resolve("search.yaml");
        Files.writeString(file, """
                benchmark:
                  phases: [{kind: profiling, concurrency: 1, requests: 4}]
                sweep:
                  type: adaptive_search
                  planner: grid
                  search_space: [{path: concurrency, lo: 1, hi: 3}]
                  objectives: [{metric: request_throughput, direction: maximize}]
                  max_iterations: 3
                multi_run: {num_runs: 2}
                """);
        CliRun r = run(mock("yaml", "-f", file.toString()));
        assertEquals(0, r.code(), r.err());
        Path base = dir.resolve("yaml");
        JsonNode h = JSON.readTree(base.resolve("search_history.json").toFile());
        assertEquals("grid_exhausted", h.get("convergence_reason").asText());
        assertEquals(3, h.get("iterations").size());
        assertTrue(h.at("/iterations/0/objective_variances/0").isNumber());
        assertTrue(Files.isRegularFile(base.resolve("search_iter_0002/profile_runs/run_0002/profile_export_redline.json")));
        assertTrue(Files.isRegularFile(base.resolve("search_iter_0002/aggregate/profile_export_redline_aggregate.json")));
    }

    @Test
    void configExpandSaysASearchChoosesItsIterations() {
        CliRun r = CliRun.of(RedlineCli.commandLine(), "config", "expand", "../config/samples/config-search.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("adaptive_search (planner monotonic_sla): up to 20 iterations over [phases.profiling.concurrency]"), r.out());
    }
}
