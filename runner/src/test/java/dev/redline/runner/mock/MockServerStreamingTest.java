package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SSE shape, order, token counts and timing ground truth of streaming chat and completions. */
class MockServerStreamingTest {
    private static final double TTFT_MS = 30;
    private static final double ITL_MS = 8;
    private static MockServer server;
    private static MockServer reasoningServer;
    private static MockHttp http;

    @BeforeAll
    static void start() {
        server = MockServer.start(new MockServerOptions().ttftMs(TTFT_MS).itlMs(ITL_MS).eventLoops(2));
        reasoningServer = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).reasoningTokens(5));
        http = new MockHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
        reasoningServer.close();
    }

    private static String chat(int maxTokens, boolean includeUsage) {
        return "{\"model\":\"mock-model\",\"stream\":true,\"max_completion_tokens\":" + maxTokens
                + (includeUsage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there, river\"}]}";
    }

    @Test
    void chatStreamHasRoleContentFinishUsageThenDone() throws Exception {
        MockHttp.Stream s = http.stream("/v1/chat/completions", chat(12, true));
        assertEquals(200, s.status());
        assertTrue(s.contentType().startsWith("text/event-stream"), s.contentType());
        List<MockHttp.Event> events = s.events();
        assertEquals("[DONE]", events.get(events.size() - 1).data());
        JsonNode role = events.get(0).json();
        assertEquals("assistant", role.at("/choices/0/delta/role").asText());
        StringBuilder text = new StringBuilder();
        int content = 0;
        for (MockHttp.Event e : events.subList(1, 13)) {
            JsonNode j = e.json();
            assertEquals("chat.completion.chunk", j.get("object").asText());
            String token = j.at("/choices/0/delta/content").asText();
            assertTrue(token.matches(" [a-z]+"), token);
            text.append(token);
            content++;
        }
        assertEquals(12, content);
        JsonNode finish = events.get(13).json();
        assertEquals("length", finish.at("/choices/0/finish_reason").asText());
        assertTrue(finish.at("/choices/0/delta/content").isMissingNode());
        JsonNode usage = events.get(14).json();
        assertEquals(0, usage.get("choices").size());
        assertEquals(12, usage.at("/usage/completion_tokens").asInt());
        int prompt = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE)
                .countTokensOrdinary("Hello there, river");
        assertEquals(prompt, usage.at("/usage/prompt_tokens").asInt());
        assertEquals(prompt + 12, usage.at("/usage/total_tokens").asInt());
        assertEquals(0, usage.at("/usage/completion_tokens_details/reasoning_tokens").asInt());
        assertEquals(16, events.size());
        assertEquals(12, Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE)
                .countTokensOrdinary(text.toString()));
    }

    @Test
    void usageChunkOnlyWhenAsked() throws Exception {
        MockHttp.Stream s = http.stream("/v1/chat/completions", chat(3, false));
        for (MockHttp.Event e : s.events()) {
            if (!e.data().equals("[DONE]")) assertFalse(e.json().has("usage"), e.data());
        }
        assertEquals("[DONE]", s.events().get(s.events().size() - 1).data());
        assertEquals(1 + 3 + 1 + 1, s.events().size());
    }

    @Test
    void completionsStreamOneWordPerEvent() throws Exception {
        String body = "{\"model\":\"mock-model\",\"stream\":true,\"max_tokens\":7,\"prompt\":\"Once upon a time\","
                + "\"stream_options\":{\"include_usage\":true}}";
        List<MockHttp.Event> events = http.stream("/v1/completions", body).events();
        int content = 0;
        for (MockHttp.Event e : events) {
            if (e.data().equals("[DONE]")) continue;
            JsonNode j = e.json();
            assertEquals("text_completion", j.get("object").asText());
            if (j.get("choices").size() > 0 && !j.at("/choices/0/text").asText().isEmpty()) content++;
        }
        assertEquals(7, content);
        assertEquals(7, events.get(events.size() - 2).json().at("/usage/completion_tokens").asInt());
        assertEquals("[DONE]", events.get(events.size() - 1).data());
    }

    @Test
    void defaultOutputLengthWhenNoMaxTokens() throws Exception {
        String body = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}";
        List<MockHttp.Event> events = http.stream("/v1/chat/completions", body).events();
        assertEquals(MockServerOptions.DEFAULT_OUTPUT_TOKENS, contentEvents(events).size());
        assertEquals("stop", events.get(events.size() - 2).json().at("/choices/0/finish_reason").asText());
    }

    @Test
    void eventsNeverArriveBeforeTheirGroundTruthTime() throws Exception {
        int n = 20;
        List<Long> gaps = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            MockHttp.Stream s = http.stream("/v1/chat/completions", chat(n, false));
            List<MockHttp.Event> content = contentEvents(s.events());
            assertEquals(n, content.size());
            for (int k = 0; k < n; k++) {
                // Causality: token k cannot be read before send + ttft + k * itl (the server's absolute target).
                double earliestMs = TTFT_MS + k * ITL_MS;
                double seenMs = (content.get(k).nanos() - s.sentNanos()) / 1e6;
                assertTrue(seenMs >= earliestMs - 1, "token " + k + " seen at " + seenMs + " ms, truth " + earliestMs);
                if (k > 0) gaps.add(content.get(k).nanos() - content.get(k - 1).nanos());
            }
        }
        Collections.sort(gaps);
        // paced, not sent at once: a late read compresses the gaps after it (the schedule is absolute), so on a
        // loaded machine many gaps are short; a quarter of them still span the full ITL
        double p75Ms = gaps.get(gaps.size() * 3 / 4) / 1e6;
        double medianMs = gaps.get(gaps.size() / 2) / 1e6;
        assertTrue(p75Ms >= ITL_MS - 1, "p75 gap " + p75Ms);
        assertTrue(medianMs <= ITL_MS + 25, "median gap " + medianMs);
    }

    @Test
    void reasoningEventsComeFirstAndCountAsCompletionTokens() throws Exception {
        MockHttp mh = new MockHttp(reasoningServer.baseUrl());
        List<MockHttp.Event> events = mh.stream("/v1/chat/completions", chat(9, true)).events();
        List<MockHttp.Event> tokens = contentEvents(events);
        assertEquals(9, tokens.size());
        for (int i = 0; i < 9; i++) {
            JsonNode delta = tokens.get(i).json().at("/choices/0/delta");
            assertEquals(i < 5, delta.has("reasoning_content"), delta.toString());
            assertEquals(i >= 5, delta.has("content"), delta.toString());
        }
        JsonNode usage = events.get(events.size() - 2).json().get("usage");
        assertEquals(9, usage.get("completion_tokens").asInt());
        assertEquals(5, usage.at("/completion_tokens_details/reasoning_tokens").asInt());
    }

    /** Events carrying content or reasoning text, as AIPerf counts content responses. */
    static List<MockHttp.Event> contentEvents(List<MockHttp.Event> events) throws Exception {
        List<MockHttp.Event> out = new ArrayList<>();
        for (MockHttp.Event e : events) {
            if (e.data().equals("[DONE]")) continue;
            JsonNode choice = e.json().at("/choices/0");
            if (choice.isMissingNode()) continue;
            String text = choice.has("text") ? choice.get("text").asText()
                    : choice.at("/delta/content").asText("") + choice.at("/delta/reasoning_content").asText("");
            if (!text.isEmpty()) out.add(e);
        }
        return out;
    }
}
