package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.tokenizer.TokenizerLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end: {@link ProfileRun} against the real mock server over loopback, with the real Qwen3
 * tokenizer. The mock's configured TTFT/ITL are the ground truth: measured values must be at least the
 * truth and at most the truth plus slack that holds on a loaded 2-core machine.
 */
class ProfileAgainstMockServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir Path dir;

    private JsonNode profile(MockServer mock, String yaml) throws Exception {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        spec.artifacts().setDir(dir.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code);
        String table = console.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("Request Latency"), table);
        return JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
    }

    @Test
    void streamingChatMatchesTheMockGroundTruthAndExactTokenCounts() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(40).itlMs(10))) {
            JsonNode json = profile(mock, """
                    models: [Qwen/Qwen3-0.6B]
                    endpoint: {type: chat, streaming: true}
                    tokenizer: {name: '%s'}
                    dataset: {entries: 10, prompts: {isl: {mean: 100, stddev: 0}, osl: 20}}
                    phases: [{kind: profiling, concurrency: 4, requests: 40}]
                    random_seed: 7
                    """.formatted(TOKENIZER));
            assertEquals(40, json.at("/request_count/avg").asInt());
            assertTrue(json.at("/error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0);

            double ttftP50 = json.at("/time_to_first_token/p50").asDouble();
            assertTrue(json.at("/time_to_first_token/min").asDouble() >= 40.0, "TTFT below ground truth: " + json.at("/time_to_first_token"));
            assertTrue(ttftP50 <= 40.0 + 25, "TTFT p50 " + ttftP50);
            double itlP50 = json.at("/inter_token_latency/p50").asDouble();
            assertTrue(itlP50 >= 10.0 - 1 && itlP50 <= 10.0 + 5, "ITL p50 " + itlP50);
            double latencyMin = json.at("/request_latency/min").asDouble();
            assertTrue(latencyMin >= 40 + 19 * 10 - 1, "latency below ttft + 19*itl: " + latencyMin);

            // ISL hits the requested count exactly (stddev 0) with the real tokenizer; OSL = max tokens.
            for (String tag : List.of("input_sequence_length", "output_sequence_length")) {
                JsonNode block = json.get(tag);
                double expected = tag.startsWith("input") ? 100 : 20;
                assertEquals(expected, block.get("min").asDouble(), tag);
                assertEquals(expected, block.get("max").asDouble(), tag);
                assertEquals(0.0, block.get("std").asDouble(), tag);
            }
            assertTrue(json.at("/output_token_throughput/avg").asDouble() > 0);
            assertEquals("Qwen/Qwen3-0.6B", json.at("/input_config/models/0").asText());
        }
    }

    @Test
    void nonStreamingCompletionsHasNoStreamingMetrics() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(15).itlMs(2))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: completions}
                    dataset: {entries: 5, prompts: {isl: 32, osl: 11}}
                    phases: [{concurrency: 2, requests: 12}]
                    """);
            assertEquals(12, json.at("/request_count/avg").asInt());
            assertTrue(json.path("time_to_first_token").isMissingNode(), "TTFT needs streaming");
            assertTrue(json.path("inter_token_latency").isMissingNode());
            assertTrue(json.at("/request_latency/min").asDouble() >= 15 + 10 * 2 - 1);
            assertEquals(11.0, json.at("/output_sequence_length/avg").asDouble());
            assertEquals(32.0, json.at("/input_sequence_length/avg").asDouble());
        }
    }

    @Test
    void embeddingsCountRequestsWithoutTokenMetrics() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: embeddings}
                    dataset: {entries: 4, prompts: {isl: 16}}
                    phases: [{concurrency: 3, requests: 9}]
                    """);
            assertEquals(9, json.at("/request_count/avg").asInt());
            assertTrue(json.at("/request_latency/min").asDouble() >= 5);
            assertTrue(json.path("output_sequence_length").isMissingNode());
        }
    }

    @Test
    void errorSummaryCountsExactlyTheInjectedFailuresAndTheRunCompletes() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(0).errorRate(0.25).randomSeed(11))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 5, prompts: {isl: 8, osl: 4}}
                    phases: [{concurrency: 8, requests: 200}]
                    """);
            long injected = mock.metrics().errorsInjected();
            assertTrue(injected > 20 && injected < 80, "binomial(200, 0.25) far outside 5 sd: " + injected);
            assertEquals(injected, json.at("/error_request_count/avg").asLong());
            assertEquals(200 - injected, json.at("/request_count/avg").asLong());
            JsonNode summary = json.get("error_summary");
            assertEquals(1, summary.size(), summary.toString());
            assertEquals(500, summary.get(0).at("/error_details/code").asInt());
            assertEquals(injected, summary.get(0).get("count").asLong());
            double rate = json.at("/request_error_rate/avg").asDouble();
            assertEquals(100.0 * injected / 200, rate, 1e-9);
        }
    }

    @Test
    void writesEveryExportInAiperfShapes() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true, api_key: sk-secret-123}
                    dataset: {entries: 3, prompts: {isl: 10, osl: 5}}
                    phases: [{kind: warmup, concurrency: 2, requests: 4}, {kind: profiling, concurrency: 2, requests: 10}]
                    goodput: {time_to_first_token: 10000}
                    """);
            for (String key : List.of("schema_version", "start_time", "end_time", "input_config", "error_summary",
                    "time_to_first_token", "request_throughput", "goodput")) {
                assertTrue(json.has(key), "missing " + key);
            }
            for (String stat : List.of("unit", "avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "std")) {
                assertTrue(json.get("request_latency").has(stat), "missing stat " + stat);
            }
            assertEquals(10, json.at("/request_count/avg").asInt(), "warmup records are not counted");
            assertEquals("warmup", json.at("/phases/0/name").asText());
            assertEquals(10, json.at("/phases/1/completed").asInt());
            assertTrue(json.at("/phases/1/requested_rate").isNull(), "a closed-model phase has no requested rate");
            assertTrue(json.at("/phases/1/schedule_rate").isNull(), "nor a schedule");
            assertTrue(json.get("client_saturated").isBoolean());
            assertTrue(json.at("/client_saturation/reasons").isArray());
            // HotSpot reports compilation time: a fresh JVM's profiling phase compiles something
            assertTrue(json.at("/client_saturation/jit_compile_ms").asDouble() >= 0, json.get("client_saturation").toString());
            assertTrue(json.at("/client_saturation/jit_share").asDouble() >= 0, json.get("client_saturation").toString());
            assertEquals("<redacted>", json.at("/input_config/endpoint/apiKey").asText());

            String csv = Files.readString(dir.resolve("profile_export_redline.csv"));
            assertTrue(csv.startsWith("Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std"), csv);
            List<String> lines = Files.readAllLines(dir.resolve("profile_export.jsonl"));
            assertEquals(14, lines.size(), "one line per request, warmup included");
            long warmup = lines.stream().filter(l -> l.contains("\"benchmark_phase\":\"warmup\"")).count();
            assertEquals(4, warmup);
            JsonNode first = JSON.readTree(lines.get(lines.size() - 1));
            assertTrue(first.has("metadata") && first.has("metrics") && first.has("error"));
            JsonNode inputs = JSON.readTree(dir.resolve("inputs.json").toFile());
            assertEquals(3, inputs.get("data").size());
            String allFiles = Files.readString(dir.resolve("inputs.json")) + Files.readString(dir.resolve("logs/redline.log"))
                    + String.join("\n", lines) + csv;
            assertFalse(allFiles.contains("sk-secret-123"), "the API key never reaches a file");
        }
    }

    @Test
    void clientServerTokenMismatchIsReportedAndServerCountsCanBeUsed() throws Exception {
        // The mock counts prompt tokens with o200k_base; the client uses Qwen3: prompts differ, outputs agree.
        String yaml = """
                models: [Qwen/Qwen3-0.6B]
                endpoint: {type: chat, streaming: true%s}
                tokenizer: {name: '%s'}
                dataset: {entries: 4, prompts: {isl: 200, osl: 8}}
                phases: [{concurrency: 2, requests: 8}]
                random_seed: 5
                """;
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(1))) {
            JsonNode json = profile(mock, yaml.formatted("", TOKENIZER));
            assertEquals(200.0, json.at("/input_sequence_length/avg").asDouble());
            double serverPrompt = json.at("/usage_prompt_tokens/avg").asDouble();
            assertTrue(serverPrompt > 0 && serverPrompt != 200.0, "o200k counts the Qwen prompt differently: " + serverPrompt);
            double diffPct = json.at("/usage_prompt_tokens_diff_pct/avg").asDouble();
            // mean of per-request |server - client| / client >= |mean server - client| / client
            assertTrue(diffPct > 0 && diffPct >= Math.abs(serverPrompt - 200) / 200 * 100 - 1e-9, "diff " + diffPct);
            assertEquals(0.0, json.at("/usage_completion_tokens_diff_pct/max").asDouble(), "outputs are words both count alike");

            JsonNode server = profile(mock, yaml.formatted(", use_server_token_count: true", TOKENIZER));
            assertEquals(serverPrompt, server.at("/input_sequence_length/avg").asDouble(), 1e-9, "ISL from usage.prompt_tokens");
            assertEquals(8.0, server.at("/output_sequence_length/avg").asDouble());
        }
    }

    @Test
    void anInterruptedRunStillWritesTheResultsCollectedSoFar() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(5).itlMs(5))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 3, prompts: {isl: 8, osl: 4}}
                    phases: [{concurrency: 2, duration: 120}]
                    """, "t.yaml");
            spec.endpoint().setUrl(mock.baseUrl());
            spec.artifacts().setDir(dir.toString());
            int[] code = {-1};
            Thread run = new Thread(() -> code[0] = new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run());
            run.start();
            while (mock.metrics().requestsCompleted() < 10) Thread.sleep(20);
            run.interrupt(); // what Ctrl-C does through the shutdown hook
            run.join(60_000);
            assertFalse(run.isAlive());
            assertEquals(ProfileRun.INTERRUPTED_EXIT, code[0]);
            JsonNode json = JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
            assertTrue(json.get("was_cancelled").asBoolean());
            // the server finished 10; the client may not yet have read the end of the 2 in flight
            assertTrue(json.at("/request_count/avg").asInt() >= 10 - 2, json.at("/request_count").toString());
        }
    }

    @Test
    void ctrlCWhileTheServerIsProbedIsAnInterruptNotABadUrl() throws Exception {
        // nothing listens on port 1: the probe retries for 3 s; an interrupt then must not read as "cannot connect"
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                endpoint: {type: chat, url: "http://127.0.0.1:1"}
                dataset: {entries: 3, prompts: {isl: 8, osl: 4}}
                phases: [{concurrency: 1, requests: 2}]
                """, "t.yaml");
        spec.artifacts().setDir(dir.toString());
        int[] code = {-1};
        Throwable[] thrown = {null};
        Thread run = new Thread(() -> {
            try {
                code[0] = new ProfileRun(spec, new RunOptions("none", "warn", false),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        });
        run.start();
        Thread.sleep(100);
        run.interrupt(); // what Ctrl-C does through the shutdown hook
        run.join(60_000);
        assertFalse(run.isAlive());
        assertEquals(null, thrown[0]);
        assertEquals(ProfileRun.INTERRUPTED_EXIT, code[0]);
    }

    @Test
    void rawExportLevelKeepsWhatTheServerReturned() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(1).reasoningTokens(2))) {
            profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 2, prompts: {isl: 8, osl: 6}}
                    phases: [{concurrency: 2, requests: 5}]
                    artifacts: {exportLevel: raw}
                    """);
            List<String> lines = Files.readAllLines(dir.resolve("profile_export_raw.jsonl"));
            assertEquals(5, lines.size());
            for (String line : lines) {
                JsonNode raw = JSON.readTree(line);
                assertEquals(200, raw.get("http_status").asInt());
                assertEquals(4, raw.get("output_text").asText().trim().split(" ").length, line);
                assertEquals(2, raw.get("reasoning_text").asText().trim().split(" ").length, line);
                assertEquals(6, raw.get("chunk_offsets_ns").size(), "one offset per content chunk");
                assertEquals(6, raw.at("/usage/completion_tokens").asInt());
            }
            assertEquals(5, Files.readAllLines(dir.resolve("profile_export.jsonl")).size());
        }
    }

    @Test
    void builtinTokenizerIsUsedForMockModelNames() {
        assertEquals("builtin", TokenizerLoader.load("mock-model", null).name());
    }
}
