package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's verbatim replay datasets against the mock over loopback with the real tokenizer: raw_payload bodies (a file,
 * or a directory of sessions) and an inputs.json (inputs_json) are sent exactly as written, so a run's inputs.json
 * replays that run's requests.
 */
class RawPayloadReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");
    @TempDir Path dir;

    private Path profile(MockServer mock, String dataset, String name) throws Exception {
        Path out = dir.resolve(name);
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                endpoint: {type: chat}
                tokenizer: {name: "%s"}
                dataset: %s
                phases: [{concurrency: 2, requests: %d}]
                randomSeed: 3
                """.formatted(TOKENIZER, dataset, 6), name + ".yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        spec.artifacts().setDir(out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        JsonNode summary = JSON.readTree(out.resolve("profile_export_redline.json").toFile());
        assertTrue(summary.path("error_request_count").isMissingNode() || summary.at("/error_request_count/avg").asInt() == 0,
                summary.path("error_summary").toString());
        return out;
    }

    private static List<JsonNode> payloads(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : JSON.readTree(run.resolve("inputs.json").toFile()).get("data")) s.get("payloads").forEach(out::add);
        return out;
    }

    private static List<Double> isl(Path run) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("profile_export.jsonl"))) {
            out.add(JSON.readTree(line).at("/metrics/input_sequence_length/value").asDouble());
        }
        out.sort(null);
        return out;
    }

    @Test
    void aRunsInputsJsonReplaysItsRequestsExactly() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1))) {
            Path first = profile(mock, "{entries: 6, prompts: {isl: 40, osl: 5}}", "first");
            long before = mock.metrics().requestsCompleted();
            Path replay = profile(mock, "{inputFile: '" + first.resolve("inputs.json") + "'}", "replay");
            assertEquals(6, mock.metrics().requestsCompleted() - before, "every replayed request was served");
            assertEquals(payloads(first), payloads(replay), "the replayed bodies are the first run's, byte for byte in JSON");
            assertEquals(isl(first), isl(replay), "ISL counts the same prompt text");
        }
    }

    @Test
    void rawPayloadBodiesAreSentVerbatimFromAFileOrADirectoryOfSessions() throws Exception {
        String body = "{\"model\": \"mock-model\", \"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, "
                + "{\"role\": \"user\", \"content\": \"Name %s primes.\"}], \"max_completion_tokens\": 4, \"temperature\": 0.3, \"seed\": 9}";
        Path file = Files.writeString(dir.resolve("bodies.jsonl"), body.formatted("two") + "\n" + body.formatted("three") + "\n");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1))) {
            Path run = profile(mock, "{inputFile: '" + file + "', customDatasetType: raw_payload}", "file");
            List<JsonNode> sent = payloads(run);
            assertEquals(2, sent.size());
            assertEquals(JSON.readTree(body.formatted("two")), sent.get(0), "sent as written: system message, temperature, seed and all");
            for (String line : Files.readAllLines(run.resolve("profile_export.jsonl"))) {
                assertTrue(JSON.readTree(line).at("/metrics/output_sequence_length/value").asInt() <= 4, "the body's own max_completion_tokens");
            }
            Path sessions = Files.createDirectory(dir.resolve("sessions"));
            Files.writeString(sessions.resolve("alice.jsonl"), body.formatted("one") + "\n" + body.formatted("four") + "\n");
            Files.writeString(sessions.resolve("bob.jsonl"), body.formatted("five") + "\n");
            Path dirRun = profile(mock, "{inputFile: '" + sessions + "', customDatasetType: raw_payload}", "dir");
            JsonNode data = JSON.readTree(dirRun.resolve("inputs.json").toFile()).get("data");
            assertEquals("alice", data.get(0).get("session_id").asText());
            assertEquals(2, data.get(0).get("payloads").size(), "a file's lines are its session's turns");
            assertEquals(JSON.readTree(body.formatted("four")), data.get(0).get("payloads").get(1), "a later turn is its body alone, no history added");
        }
    }

    /** AIPerf's fourth Mooncake input mode: {@code payload} is the body as written, {@code extra} merged over it. */
    @Test
    void mooncakePayloadRowsAreSentVerbatimWithTheirExtra() throws Exception {
        String body = "{\"model\": \"mock-model\", \"messages\": [{\"role\": \"user\", \"content\": \"Count to %s.\"}], \"max_tokens\": 3, \"top_k\": 7}";
        Path file = Files.writeString(dir.resolve("trace.jsonl"),
                "{\"payload\": " + body.formatted("two") + ", \"output_length\": 3}\n"
                        + "{\"payload\": " + body.formatted("three") + ", \"extra\": {\"top_k\": 1, \"seed\": 5}}\n");
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1))) {
            Path run = profile(mock, "{inputFile: '" + file + "', customDatasetType: mooncake_trace}", "mooncake");
            List<JsonNode> sent = payloads(run);
            assertEquals(JSON.readTree(body.formatted("two")), sent.get(0), "the payload as written");
            JsonNode merged = sent.get(1);
            assertEquals(1, merged.get("top_k").asInt(), "extra overrides the payload's keys");
            assertEquals(5, merged.get("seed").asInt());
            assertEquals("Count to three.", merged.at("/messages/0/content").asText());
            assertTrue(isl(run).get(0) > 0, "the payload's message text is the ISL");
        }
    }

    @Test
    void aBodyWithoutMessagesNamesItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"ok\"}]}\n{\"model\": \"m\"}\n");
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                dataset: {inputFile: '%s', customDatasetType: raw_payload}
                phases: [{concurrency: 1, requests: 1}]
                """.formatted(file), "bad.yaml");
        spec.artifacts().setDir(dir.resolve("bad").toString());
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> dev.redline.runner.dataset.DatasetFactory.build(spec, new dev.redline.runner.tokenizer.BuiltinTokenizer()));
        assertTrue(e.getMessage().contains("bad.jsonl:2") && e.getMessage().contains("'messages' is required"), e.getMessage());
    }
}
