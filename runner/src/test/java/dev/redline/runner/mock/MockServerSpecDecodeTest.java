package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --spec-decode-*}: where vLLM's per-request object goes, that it adds up, and that it is seeded. */
class MockServerSpecDecodeTest {
    private static String chat(boolean stream, boolean includeUsage) {
        return "{\"model\":\"mock-model\",\"stream\":" + stream + ",\"max_completion_tokens\":40"
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    }

    /** The object's identities: the histogram sums to the steps, j-weighted to the accepted; 40 tokens = 1 + steps + accepted. */
    private static void assertConsistent(JsonNode sd, int k) {
        assertEquals(k, sd.get("num_spec_tokens").asInt());
        assertEquals(k + 1, sd.get("acceptance_histogram").size());
        long steps = 0, accepted = 0;
        for (int j = 0; j <= k; j++) {
            steps += sd.at("/acceptance_histogram/" + j).asLong();
            accepted += j * sd.at("/acceptance_histogram/" + j).asLong();
        }
        assertEquals(sd.get("num_spec_steps").asLong(), steps);
        assertEquals(sd.get("num_accepted_draft_tokens").asLong(), accepted);
        assertEquals(k * steps, sd.get("num_draft_tokens").asLong());
        assertEquals(40, 1 + steps + accepted, "prefill token + one bonus per step + accepted drafts");
        assertEquals(1.0 + (double) accepted / steps, sd.get("mean_acceptance_length").asDouble(), 1e-12);
    }

    @Test
    void theObjectRidesTheUsageChunkTheFinishChunkOrTheBody() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).specDecodeDraftTokens(3)
                .specDecodeAcceptance(0.5).randomSeed(4))) {
            MockHttp http = new MockHttp(server.baseUrl());
            List<MockHttp.Event> events = http.stream("/v1/chat/completions", chat(true, true)).events();
            JsonNode usage = events.get(events.size() - 2).json();
            assertEquals(0, usage.get("choices").size());
            assertConsistent(usage.at("/metrics/speculative_decoding"), 3);
            assertTrue(events.get(events.size() - 3).json().path("metrics").isMissingNode(), "only once per request");

            events = http.stream("/v1/chat/completions", chat(true, false)).events();
            JsonNode finish = events.get(events.size() - 2).json();
            assertEquals("length", finish.at("/choices/0/finish_reason").asText());
            assertConsistent(finish.at("/metrics/speculative_decoding"), 3);

            JsonNode body = MockHttp.JSON.readTree(http.post("/v1/chat/completions", chat(false, false)).body());
            assertConsistent(body.at("/metrics/speculative_decoding"), 3);
            assertEquals(40, body.at("/usage/completion_tokens").asInt());

            JsonNode completion = MockHttp.JSON.readTree(http.post("/v1/completions",
                    "{\"model\":\"mock-model\",\"prompt\":\"Hi\",\"max_tokens\":40}").body());
            assertConsistent(completion.at("/metrics/speculative_decoding"), 3);
            SpecDecodeSim.Sent sent = server.specDecodeSent();
            assertEquals(4, sent.requests());
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("vllm:spec_decode_num_drafts_total{model_name=\"mock-model\"} " + sent.steps() + ".0\n"), metrics);
            assertTrue(metrics.contains("vllm:spec_decode_num_draft_tokens_total{model_name=\"mock-model\"} " + sent.draftTokens() + ".0\n"), metrics);
            assertTrue(metrics.contains("vllm:spec_decode_num_accepted_tokens_total{model_name=\"mock-model\"} "
                    + sent.acceptedDraftTokens() + ".0\n"), metrics);
        }
    }

    @Test
    void offByDefaultAndTheSameSeedGivesTheSameObjects() throws Exception {
        try (MockServer off = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0))) {
            String body = new MockHttp(off.baseUrl()).post("/v1/chat/completions", chat(false, false)).body();
            assertTrue(!body.contains("metrics"), body);
            assertTrue(!new MockHttp(off.baseUrl()).get("/metrics").body().contains("spec_decode"), "no spec-decode series when off");
            assertEquals(0, off.specDecodeSent().requests());
        }
        String[] bodies = new String[2];
        for (int i = 0; i < 2; i++) {
            try (MockServer s = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).specDecodeDraftTokens(5).randomSeed(8))) {
                bodies[i] = MockHttp.JSON.readTree(new MockHttp(s.baseUrl()).post("/v1/chat/completions", chat(false, false)).body())
                        .at("/metrics").toString();
            }
        }
        assertEquals(bodies[0], bodies[1]);
    }
}
