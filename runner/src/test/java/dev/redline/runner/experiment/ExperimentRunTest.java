package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Variation;
import dev.redline.plan.aggregate.ConfidenceAggregate;
import dev.redline.plan.aggregate.ConfidenceStats;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Experiments through the real engine against the mock server over loopback, with the real tokenizer. */
class ExperimentRunTest {
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    static ConfigEnvelope envelope(String url, String rest) {
        return ConfigEnvelope.read("""
                benchmark:
                  models: [mock-model]
                  endpoint: {url: "%s", type: chat, streaming: true}
                  tokenizer: {name: "%s"}
                  dataset: {entries: 20, prompts: {isl: 32, osl: 8}}
                  phases: [{kind: profiling, concurrency: 2, requests: 20}]
                %s
                """.formatted(url, TOKENIZER, rest), "test.yaml");
    }

    static ExperimentResult run(ExperimentPlan plan, Path base, CellEngine engine, ExperimentListener listener) {
        return new ExperimentRun(plan, ExperimentLayout.of(base, plan), engine, listener, "test", "redline test").run();
    }

    static ProfileEngine engine() {
        return new ProfileEngine(new RunOptions("none", "warn", false), null);
    }

    @Test
    void fiveRunsGiveConfidenceIntervalsThatContainTheConfiguredLatency() throws Exception {
        // ITL ground truth: 5 ms + a seeded uniform jitter of 0..10 ms per gap, so 10 ms on average; every run draws new jitter
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(15).itlMs(5).jitterMs(10));
             ProfileEngine engine = engine()) {
            ExperimentPlan plan = ExperimentPlan.of(envelope(mock.baseUrl(), "multi_run: {num_runs: 5}"));
            ExperimentResult r = run(plan, dir, engine, new ExperimentListener() { });
            assertEquals(0, r.exitCode());
            assertEquals(5, r.runs());
            for (int i = 1; i <= 5; i++) assertTrue(Files.isRegularFile(dir.resolve("profile_runs/run_000" + i + "/profile_export_redline.json")));
            JsonNode agg = JSON.readTree(dir.resolve("aggregate/profile_export_redline_aggregate.json").toFile());
            assertEquals(5, agg.at("/metadata/num_successful_runs").asInt());
            assertEquals(2.7764451051977987, agg.at("/metrics/inter_token_latency_avg/t_critical").asDouble(), 1e-9);
            ConfidenceStats itl = ConfidenceAggregate.of(r.observations().get(0).trials(), 0.95, 0).metric("inter_token_latency", "avg");
            assertTrue(itl.contains(10.0), "ITL avg CI " + itl.ciLow() + ".." + itl.ciHigh() + " must contain the mock's 10 ms");
            // runs of 140 gaps each agree within 2 ms on an idle machine; a loaded one (load 20 here) stretches some runs' gaps by
            // a few ms, so the bound only says the 5 runs make one tight interval, not five scattered ones
            assertTrue(itl.ciHigh() - itl.ciLow() < 8.0, "runs of 140 gaps each agree: " + itl);
            ConfidenceStats ttft = ConfidenceAggregate.of(r.observations().get(0).trials(), 0.95, 0).metric("time_to_first_token", "avg");
            // every run's mean is bounded below by the server's latency; one run slowed by a busy machine widens the
            // t-interval (ciLow 13.5 ms was seen at a load of 20), so the lower bound is on the runs, not the interval
            assertTrue(ttft.min() >= 20.0 - 1.0 && ttft.mean() <= 20.0 + 25, "TTFT is 15 ms + 5 ms mean jitter + client overhead: " + ttft);
            // the collated export pools the 5 x 20 requests
            JsonNode collated = JSON.readTree(dir.resolve("aggregate/profile_export_redline_collated.json").toFile());
            assertEquals(100, collated.at("/metrics/time_to_first_token/combined/count").asInt());
            assertEquals(5, collated.at("/metrics/time_to_first_token/per_run").size());
            // run_info labels
            JsonNode run3 = JSON.readTree(dir.resolve("profile_runs/run_0003/profile_export_redline.json").toFile());
            assertEquals(2, run3.at("/run_info/trial").asInt());
            assertEquals("run_0003", run3.at("/run_info/run_label").asText());
            assertEquals("base", run3.at("/run_info/variation_label").asText());
            assertEquals(42, run3.at("/run_info/random_seed").asLong(), "AIPerf's consistent seed");
            assertEquals(1, engine.tokenizersLoaded(), "the tokenizer is loaded once for all runs");
        }
    }

    @Test
    void ksStopFiresOnIdenticalDistributionsAndNotOnShiftedOnes() throws Exception {
        String converge = "multi_run: {num_runs: 5, convergence: {metric: time_to_first_token, mode: distribution, threshold: 0.01, min_runs: 3}}";
        // a 40 ms seeded jitter dwarfs what a loaded machine adds to TTFT; server b is 40 ms slower: no overlap
        try (MockServer a = MockServer.start(new MockServerOptions().port(0).ttftMs(15).itlMs(2).jitterMs(40));
             MockServer b = MockServer.start(new MockServerOptions().port(0).ttftMs(55).itlMs(2).jitterMs(40));
             ProfileEngine engine = engine()) {
            ExperimentResult same = run(ExperimentPlan.of(envelope(a.baseUrl(), converge)), dir.resolve("same"), engine, new ExperimentListener() { });
            assertTrue(same.runs() >= 3 && same.runs() < 5, "identical distributions: stop early (min_runs 3), ran " + same.runs());
            // every other run goes to the slower server: the last run never looks like the ones before
            CellEngine alternating = (spec, labels, d) -> {
                if (labels.trial() % 2 == 1) spec.endpoint().setUrl(b.baseUrl());
                return engine.run(spec, labels, d);
            };
            ExperimentResult shifted = run(ExperimentPlan.of(envelope(a.baseUrl(), converge)), dir.resolve("shifted"), alternating,
                    new ExperimentListener() { });
            assertEquals(5, shifted.runs(), "shifted distributions: all runs");
        }
    }

    @Test
    void sweepRecordsAFailedCellAndGoesOn() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(5).itlMs(1));
             ProfileEngine engine = engine()) {
            ExperimentPlan plan = ExperimentPlan.of(envelope(mock.baseUrl(), """
                    sweep:
                      type: scenarios
                      runs:
                        - {name: low, concurrency: 1}
                        - {name: nowhere, benchmark: {endpoint: {url: "http://127.0.0.1:9"}}}
                        - {name: high, concurrency: 4}
                    """));
            List<String> progress = new java.util.ArrayList<>();
            ExperimentResult r = run(plan, dir, engine, new ExperimentListener() {
                @Override
                public void runStarting(Variation v, int trial, int number, int total) {
                    progress.add("cell " + number + "/" + total + " " + v.label());
                }
            });
            assertEquals(List.of("cell 1/3 low", "cell 2/3 nowhere", "cell 3/3 high"), progress);
            assertEquals(1, r.exitCode(), "a cell failed");
            assertEquals(1, r.failedRuns());
            JsonNode sweep = JSON.readTree(dir.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
            assertEquals(3, sweep.get("num_profile_runs").asInt());
            assertEquals(2, sweep.get("num_successful_runs").asInt());
            assertEquals("nowhere/run_0001", sweep.at("/failed_runs/0/label").asText());
            assertFalse(sweep.at("/failed_runs/0/error").asText().isBlank());
            assertEquals(2, sweep.get("per_combination_metrics").size());
            assertTrue(Files.isRegularFile(dir.resolve("concurrency_4/profile_export_redline.json")));
            assertTrue(Files.isRegularFile(dir.resolve("aggregate/concurrency_4/profile_export_redline_aggregate.json")));
        }
    }

    @Test
    void ctrlCWritesThePartialAggregateOfTheCellsDone() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(5).itlMs(1));
             ProfileEngine engine = engine()) {
            ExperimentPlan plan = ExperimentPlan.of(envelope(mock.baseUrl(), """
                    sweep:
                      type: scenarios
                      runs:
                        - {name: first, concurrency: 1}
                        - {name: long, benchmark: {phases: [{concurrency: 1, duration: 30}]}}
                        - {name: never, concurrency: 2}
                    """));
            Thread main = Thread.currentThread();
            ExperimentResult r = run(plan, dir, engine, new ExperimentListener() {
                @Override
                public void runStarting(Variation v, int trial, int number, int total) {
                    if (number == 2) new Thread(() -> {
                        try {
                            Thread.sleep(1500);
                        } catch (InterruptedException ignored) {
                            return;
                        }
                        main.interrupt(); // what Ctrl-C does (InterruptOnShutdown)
                    }).start();
                }
            });
            assertEquals(130, r.exitCode());
            assertTrue(r.partial());
            assertEquals(2, r.runs(), "the third cell never started");
            JsonNode sweep = JSON.readTree(dir.resolve("sweep_aggregate/profile_export_redline_sweep.json").toFile());
            assertTrue(sweep.at("/metadata/partial").asBoolean());
            assertEquals(1, sweep.get("per_combination_metrics").size());
            assertTrue(Files.isRegularFile(dir.resolve("long/profile_export_redline.json")), "the interrupted cell wrote its partial results");
            assertFalse(Files.exists(dir.resolve("never")));
        }
    }

    @Test
    void cellEngineLabelsReachRunInfo() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(2).itlMs(1));
             ProfileEngine engine = engine()) {
            ExperimentPlan plan = ExperimentPlan.of(envelope(mock.baseUrl(), "sweep: {parameters: {concurrency: [1, 3]}}"));
            ExperimentResult r = run(plan, dir, engine, new ExperimentListener() { });
            assertEquals(0, r.exitCode());
            JsonNode info = JSON.readTree(dir.resolve("concurrency_3/profile_export_redline.json").toFile()).get("run_info");
            assertEquals("phases.profiling.concurrency=3", info.get("variation_label").asText());
            assertEquals(1, info.get("variation_index").asInt());
            assertEquals(3, info.at("/variation_values/phases.profiling.concurrency").asInt());
            assertEquals(43, info.get("random_seed").asLong());
            assertEquals("redline test", info.get("cli_command").asText());
            assertTrue(Files.isRegularFile(dir.resolve("concurrency_1/" + ProfileEngine.CONSOLE_FILE)));
            assertEquals(r.sweep().bestThroughput().combination().parameters().get("concurrency"), 3);
        }
    }
}
