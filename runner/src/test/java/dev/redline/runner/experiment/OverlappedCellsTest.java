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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed sweep runs each cell while the previous one writes its results, without mixing their measurements: every
 * cell has all its records and exports, its server-metrics window holds its own requests only (the next cell's
 * warm-up goes to the same server), and no cell's profiling starts before the previous cell's summary is written.
 */
class OverlappedCellsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARMUP = 10;
    private static final int REQUESTS = 60;

    @TempDir Path dir;

    @Test
    void cellsOverlapOnlyOutsideTheirProfilingWindows() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(3).itlMs(1));
             ProfileEngine engine = ExperimentRunTest.engine()) {
            ExperimentPlan plan = ExperimentPlan.of(dev.redline.api.config.ConfigEnvelope.read("""
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s", type: chat, streaming: true}
                      tokenizer: {name: "%s"}
                      dataset: {entries: 20, prompts: {isl: 32, osl: 8}}
                      phases:
                        - {kind: warmup, concurrency: 2, requests: %d}
                        - {kind: profiling, concurrency: 2, requests: %d}
                    sweep: {parameters: {concurrency: [1, 2, 4, 8]}}
                    """.formatted(mock.baseUrl(), ExperimentRunTest.TOKENIZER, WARMUP, REQUESTS), "overlap.yaml"));
            ExperimentResult r = ExperimentRunTest.run(plan, dir, engine, new ExperimentListener() { });
            assertEquals(0, r.exitCode());
            long previousSummaryWritten = 0;
            for (int c : List.of(1, 2, 4, 8)) {
                Path cell = dir.resolve("concurrency_" + c);
                List<JsonNode> records = Files.readAllLines(cell.resolve("profile_export.jsonl")).stream().map(OverlappedCellsTest::json).toList();
                assertEquals(WARMUP + REQUESTS, records.size(), "every record of cell " + c);
                JsonNode summary = JSON.readTree(cell.resolve("profile_export_redline.json").toFile());
                assertEquals(REQUESTS, summary.at("/request_count/avg").asInt());
                JsonNode server = JSON.readTree(cell.resolve("server_metrics_export.json").toFile());
                JsonNode ttft = server.at("/key_metrics").elements().next().get("server_time_to_first_token");
                int served = ttft.get("count").asInt(); // from the first scrape (it may land after the first warm-up answers)
                assertTrue(served >= REQUESTS && served <= WARMUP + REQUESTS,
                        "cell " + c + "'s server window ends with its own last request, not the next cell's warm-up: " + served);
                long firstProfiling = records.stream().filter(j -> "profiling".equals(j.at("/metadata/benchmark_phase").asText()))
                        .mapToLong(j -> j.at("/metadata/request_start_ns").asLong()).min().orElseThrow();
                assertTrue(firstProfiling >= previousSummaryWritten,
                        "cell " + c + " profiled before the previous cell's summary was written");
                previousSummaryWritten = Files.getLastModifiedTime(cell.resolve("profile_export_redline.json")).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * The previous cell drains its records (and writes its exports) only once the next one is set up, so the two do
     * not share the cores during that setup. Here the setup is slow on purpose (--wait-for-model-timeout: one answer
     * of a 600 ms TTFT) and the previous cell's drain quick (3 records): without the hold its records file would be
     * closed long before the next cell's first request.
     */
    @Test
    void aCellDrainsItsRecordsOnlyOnceTheNextOneIsSetUp() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(600).itlMs(1));
             ProfileEngine engine = ExperimentRunTest.engine()) {
            ExperimentPlan plan = ExperimentPlan.of(dev.redline.api.config.ConfigEnvelope.read("""
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s", type: chat, streaming: true, waitForModelTimeout: 30, waitForModelInterval: 0.1}
                      tokenizer: {name: "%s"}
                      dataset: {entries: 4, prompts: {isl: 8, osl: 2}}
                      phases:
                        - {kind: warmup, concurrency: 1, requests: 1}
                        - {kind: profiling, concurrency: 1, requests: 2}
                    sweep: {parameters: {concurrency: [1, 2]}}
                    """.formatted(mock.baseUrl(), ExperimentRunTest.TOKENIZER), "hold.yaml"));
            ExperimentResult r = ExperimentRunTest.run(plan, dir, engine, new ExperimentListener() { });
            assertEquals(0, r.exitCode());
            Path first = dir.resolve("concurrency_1").resolve("profile_export.jsonl");
            long firstRecordsClosed = Files.getLastModifiedTime(first).to(java.util.concurrent.TimeUnit.NANOSECONDS);
            long nextFirstRequest = Files.readAllLines(dir.resolve("concurrency_2").resolve("profile_export.jsonl")).stream()
                    .map(OverlappedCellsTest::json).mapToLong(j -> j.at("/metadata/request_start_ns").asLong()).min().orElseThrow();
            // the hold ends just before the next cell's first send; 250 ms of slack for a loaded machine, well
            // under the 600 ms that the next cell's setup takes after the previous load
            assertTrue(firstRecordsClosed >= nextFirstRequest - 250_000_000L, "the first cell's records were drained "
                    + (nextFirstRequest - firstRecordsClosed) / 1_000_000 + " ms before the next cell's first request");
            assertEquals(3, Files.readAllLines(first).size());
        }
    }

    /**
     * With live metrics (a warm pool's runner) the engine runs one cell at a time: each cell is still reported
     * finished before the next one starts, so the Sweep's status never lags a cell behind.
     */
    @Test
    void anEngineRunningOneCellAtATimeReportsEachCellBeforeTheNextStarts() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(3).itlMs(1));
             ProfileEngine engine = new ProfileEngine(dev.redline.runner.profile.RunOptions.runnerPod("warn", 0, java.util.Map.of(), null), null)) {
            ExperimentPlan plan = ExperimentPlan.of(ExperimentRunTest.envelope(mock.baseUrl(), "sweep: {parameters: {concurrency: [1, 2, 3]}}"));
            ExperimentResult r = ExperimentRunTest.run(plan, dir, engine, new ExperimentListener() {
                @Override
                public void runStarting(dev.redline.plan.Variation v, int trial, int number, int total) {
                    events.add("start " + number);
                }

                @Override
                public void runFinished(dev.redline.plan.Variation v, int trial, dev.redline.plan.TrialOutcome o,
                                        List<dev.redline.plan.Observation> observed, int number, int total) {
                    events.add("finish " + number);
                }
            });
            assertEquals(0, r.exitCode());
        }
        assertEquals(List.of("start 1", "finish 1", "start 2", "finish 2", "start 3", "finish 3"), events);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
