package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.engine.EngineConfig;
import dev.redline.runner.mock.engine.EngineOracle;
import dev.redline.runner.mock.engine.LoadPoint;
import dev.redline.runner.mock.engine.SteadyState;
import dev.redline.runner.mock.engine.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline profile} against {@code --engine sim} over loopback, compared with the model's own answers
 * ({@link EngineOracle}): the curve has the shape a batching engine gives and its saturation is the formula's.
 * Prompts are counted with the builtin o200k_base tokenizer on both sides, so the client's ISL is the engine's.
 */
class ProfileAgainstSimulatedEngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    /** Fast steps with a steep per-sequence cost, so the curve stands far above timing noise. */
    private static final EngineConfig STEEP = EngineConfig.defaults().withStepTime(3, 0.5, 0.01, 0).withPrefixCaching(false);

    @TempDir Path dir;

    private JsonNode profile(MockServer mock, String yaml, String name) throws Exception {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        Path out = dir.resolve(name);
        spec.artifacts().setDir(out.toString());
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code);
        return JSON.readTree(out.resolve("profile_export_redline.json").toFile());
    }

    private static String closedLoop(int concurrency, int requests, int isl, int osl) {
        return """
                models: [mock-model]
                endpoint: {type: chat, streaming: true}
                dataset: {entries: %d, prompts: {isl: {mean: %d, stddev: 0}, osl: %d}}
                phases: [{kind: profiling, concurrency: %d, requests: %d}]
                random_seed: 3
                """.formatted(Math.min(requests, 500), isl, osl, concurrency, requests);
    }

    @Test
    void itlRisesWithConcurrencyAndSaturationMatchesTheFormula() throws Exception {
        EngineConfig engine = STEEP.withMaxNumSeqs(8);
        EngineOracle oracle = new EngineOracle(engine);
        try (MockServer mock = MockServer.start(new MockServerOptions().engine(engine))) {
            profile(mock, closedLoop(4, 16, 64, 8), "warmup");
            List<Double> itl = new ArrayList<>();
            for (int c : new int[] {1, 4, 8}) {
                JsonNode r = profile(mock, closedLoop(c, 6 * c, 64, 32), "c" + c);
                itl.add(r.at("/inter_token_latency/p50").asDouble());
                double oneSeqAlone = engine.stepMs(c, 0, 0); // a batch of c decoding, no prefill in the step
                assertTrue(itl.get(itl.size() - 1) >= oneSeqAlone - 1, "ITL at " + c + ": " + itl + " below " + oneSeqAlone);
            }
            for (int i = 1; i < itl.size(); i++) assertTrue(itl.get(i) > itl.get(i - 1) + 1, "ITL rises: " + itl);

            // Past max-num-seqs a queue refills every slot at once: the steady state is the formula's.
            int c = 16;
            int n = 320;
            JsonNode sat = profile(mock, closedLoop(c, n, 64, 16), "saturated");
            double measured = sat.at("/output_token_throughput/avg").asDouble();
            SteadyState formula = oracle.steadyState(c, 64, 16);
            LoadPoint simulated = oracle.atConcurrency(c, Workload.of(64, 16, n).withDistinctPrompts());
            assertEquals(formula.outputTokenThroughput(), measured, 0.05 * formula.outputTokenThroughput(),
                    "measured " + measured + " tok/s, formula " + formula + ", simulated " + simulated.outputTokenThroughput());
            assertEquals(simulated.outputTokenThroughput(), measured, 0.05 * simulated.outputTokenThroughput());
            double ttftP50 = sat.at("/time_to_first_token/p50").asDouble();
            assertTrue(ttftP50 > 0.5 * simulated.timeToFirstToken().p50(), "queueing shows in TTFT: " + ttftP50);
        }
    }

    @Test
    void traceBlocksThatRepeatHitThePrefixCache() throws Exception {
        // Mooncake rows: 512-token hash blocks; rows 1, 3, 5 repeat row 0's blocks, the others are new.
        Path trace = dir.resolve("trace.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String ids = i % 2 == 1 ? "[1, 2]" : "[" + (10 + 2 * i) + ", " + (11 + 2 * i) + "]";
            rows.append("{\"timestamp\": ").append(400 * i).append(", \"input_length\": 1024, \"output_length\": 4, \"hash_ids\": ")
                    .append(i == 0 ? "[1, 2]" : ids).append("}\n");
        }
        Files.writeString(trace, rows.toString());
        EngineConfig engine = EngineConfig.defaults().withStepTime(5, 0.5, 0.2, 0); // a cold prefill of ~190 ms
        try (MockServer mock = MockServer.start(new MockServerOptions().engine(engine))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [Qwen/Qwen3-0.6B]
                    endpoint: {type: chat, streaming: true}
                    tokenizer: {name: '%s'}
                    phases: [{kind: profiling}]
                    random_seed: 5
                    """.formatted(TOKENIZER), "trace.yaml");
            spec.dataset().setInputFile(trace.toString());
            spec.dataset().setCustomDatasetType("mooncake_trace");
            spec.endpoint().setUrl(mock.baseUrl());
            spec.artifacts().setDir(dir.resolve("trace").toString());
            assertEquals(0, new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run());
            List<double[]> byStart = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("trace/profile_export.jsonl"))) {
                JsonNode r = JSON.readTree(line);
                byStart.add(new double[] {r.at("/metadata/request_start_ns").asDouble(), r.at("/metrics/time_to_first_token/value").asDouble()});
            }
            byStart.sort((a, b) -> Double.compare(a[0], b[0]));
            assertEquals(6, byStart.size());
            double coldPrefill = engine.stepMs(0, 900, 900); // ~1024 Qwen tokens are ~900+ o200k tokens
            for (int i = 0; i < 6; i++) {
                double ttft = byStart.get(i)[1];
                if (i % 2 == 1) assertTrue(ttft < coldPrefill / 3, "row " + i + " repeats row 0's blocks: TTFT " + ttft);
                else assertTrue(ttft >= coldPrefill - 1, "row " + i + " is new: TTFT " + ttft + " below " + coldPrefill);
            }
        }
    }

    @Test
    void theInProcessMockTakesTheEngineFlags() throws Exception {
        Path out = dir.resolve("cli");
        int code = RedlineCli.execute("profile", "--mock-server", "--engine", "sim", "--max-num-seqs", "2",
                "--step-base-ms", "10", "--step-ms-per-seq", "2", "--streaming", "--concurrency", "4", "--request-count", "12",
                "--isl", "32", "--osl", "50", "--ui-type", "none", "--artifact-dir", out.toString());
        assertEquals(0, code);
        JsonNode r = JSON.readTree(out.resolve("profile_export_redline.json").toFile());
        assertEquals(12, r.at("/request_count/avg").asInt());
        // the fixed engine would give 5 ms; one decoding sequence takes 10 + 2 ms, two 14 ms
        assertTrue(r.at("/inter_token_latency/p50").asDouble() >= 11, r.at("/inter_token_latency").toString());
        JsonNode server = JSON.readTree(out.resolve("server_metrics_export.json").toFile()).path("key_metrics").elements().next();
        double running = server.at("/requests_running/max").asDouble();
        assertTrue(running >= 1 && running <= 2, "the engine's batch, scraped: " + server.get("requests_running"));
    }
}
