package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.mock.SpecDecodeSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Speculative-decoding acceptance end to end: {@link ProfileRun} against the mock server sending vLLM's per-request
 * {@code metrics.speculative_decoding} object with known acceptance. The mock's own totals of what it sent are the
 * exact ground truth; the per-request means are checked against the drafting model's expectation.
 */
class SpecDecodeAgainstMockServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private String console;

    private JsonNode profile(MockServer mock, String yaml) throws Exception {
        BenchmarkSpec spec = SpecReader.read(yaml, "test.yaml");
        spec.endpoint().setUrl(mock.baseUrl());
        spec.artifacts().setDir(dir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code);
        console = out.toString(StandardCharsets.UTF_8);
        return JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
    }

    /** E[accepted drafts per step] when each of k drafts is accepted with p until the first rejection. */
    private static double expectedAccepted(int k, double p) {
        double e = 0, pi = 1;
        for (int i = 1; i <= k; i++) e += (pi *= p);
        return e;
    }

    @ParameterizedTest
    @CsvSource({"chat, true", "completions, false", "chat, false", "completions, true"})
    void metricsMatchWhatTheMockSent(String type, boolean streaming) throws Exception {
        int k = 3;
        double p = 0.6;
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(0)
                .specDecodeDraftTokens(k).specDecodeAcceptance(p).randomSeed(3))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: %s, streaming: %s}
                    dataset: {entries: 5, prompts: {isl: 8, osl: 64}}
                    phases: [{concurrency: 4, requests: 60}]
                    """.formatted(type, streaming));
            SpecDecodeSim.Sent sent = mock.specDecodeSent();
            assertEquals(60, sent.requests());
            // exact: the totals are sums of what the server said
            assertEquals(sent.steps(), json.at("/total_spec_decode_steps/avg").asLong());
            assertEquals(sent.acceptedDraftTokens(), json.at("/total_accepted_draft_tokens/avg").asLong());
            assertEquals(sent.draftTokens(), json.at("/total_draft_tokens/avg").asLong());
            assertEquals(k * sent.steps(), sent.draftTokens());
            assertEquals(1.0 + (double) sent.acceptedDraftTokens() / sent.steps(),
                    json.at("/spec_decode_token_weighted_acceptance_length/avg").asDouble(), 1e-9);
            assertEquals(100.0 * sent.acceptedDraftTokens() / sent.draftTokens(),
                    json.at("/spec_decode_overall_draft_acceptance_rate/avg").asDouble(), 1e-9);
            assertEquals(60, json.at("/spec_decode_steps/count").asInt());
            assertEquals("count", json.at("/spec_decode_steps/unit").asText());
            assertEquals("%", json.at("/spec_decode_draft_acceptance_rate/unit").asText());
            assertEquals("ratio", json.at("/spec_decode_acceptance_length/unit").asText());

            // sampling: 60 requests x ~28 steps; 1.176 accepted per step expected (the last step of each is clipped)
            double e = expectedAccepted(k, p);
            double length = json.at("/spec_decode_acceptance_length/avg").asDouble();
            assertTrue(Math.abs(length - (1 + e)) < 0.15, "acceptance length " + length + " vs " + (1 + e));
            double rate = json.at("/spec_decode_draft_acceptance_rate/avg").asDouble();
            assertTrue(Math.abs(rate - 100 * e / k) < 5, "draft acceptance rate " + rate + " vs " + 100 * e / k);
            double perVerified = json.at("/spec_decode_accepted_per_verified/avg").asDouble();
            assertTrue(Math.abs(perVerified - (1 + e) / (k + 1)) < 0.05, "accepted per verified " + perVerified);

            JsonNode pooled = json.get("pooled_spec_decode_acceptance_histogram");
            long steps = 0, accepted = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = pooled.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> bucket = it.next();
                assertTrue(bucket.getValue().asLong() > 0, "zero buckets are left out: " + pooled);
                steps += bucket.getValue().asLong();
                accepted += Integer.parseInt(bucket.getKey()) * bucket.getValue().asLong();
            }
            assertEquals(sent.steps(), steps);
            assertEquals(sent.acceptedDraftTokens(), accepted);

            List<String> lines = Files.readAllLines(dir.resolve("profile_export.jsonl"));
            assertEquals(60, lines.size());
            long jsonlSteps = 0;
            for (String line : lines) {
                JsonNode rec = JSON.readTree(line);
                JsonNode acc = rec.get("spec_decode_acceptance");
                assertEquals("vllm", acc.get("engine").asText(), line);
                assertEquals(k, acc.get("num_spec_tokens").asInt());
                assertEquals(64, acc.get("completion_tokens").asInt());
                assertEquals(acc.get("num_spec_steps").asLong(), rec.at("/metrics/spec_decode_steps/value").asLong());
                jsonlSteps += acc.get("num_spec_steps").asLong();
            }
            assertEquals(sent.steps(), jsonlSteps);

            String csv = Files.readString(dir.resolve("profile_export_redline.csv"));
            assertTrue(csv.contains("Acceptance Length (ratio)") && csv.contains("Total Spec Decode Steps"), csv);
            assertTrue(console.contains(": Spec Decode"), console);
            assertTrue(console.contains("Accepted drafts per step (% of steps):  0: "), console);
            assertTrue(console.contains("Token-Weighted Acceptance"), console);
            assertFalse(console.contains("Total Draft Tokens"), "totals are exported, not shown");
        }
    }

    @Test
    void withoutTheObjectThereAreNoSpecDecodeMetricsAndNoTable() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(1).itlMs(0))) {
            JsonNode json = profile(mock, """
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 3, prompts: {isl: 8, osl: 8}}
                    phases: [{concurrency: 2, requests: 10}]
                    """);
            assertEquals(10, json.at("/request_count/avg").asInt());
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertFalse(key.contains("spec_decode") || key.contains("draft"), "no spec-decode output: " + key);
            }
            assertFalse(Files.readString(dir.resolve("profile_export.jsonl")).contains("spec_decode"));
            assertFalse(Files.readString(dir.resolve("profile_export_redline.csv")).contains("Acceptance"));
            assertFalse(console.contains("Spec Decode"), console);
            assertFalse(console.contains("Accepted drafts"), console);
        }
    }
}
