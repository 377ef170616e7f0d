package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Non-streaming bodies, embeddings, models, health and error statuses. */
class MockServerEndpointsTest {
    private static MockServer server;
    private static MockHttp http;

    @BeforeAll
    static void start() {
        // Prompt tokens counted by a plugged counter (characters), to prove the option is used.
        server = MockServer.start(new MockServerOptions().ttftMs(10).itlMs(2).embeddingDims(32)
                .models(List.of("alpha", "beta")).promptTokenCounter(String::length).eventLoops(1));
        http = new MockHttp(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void baseUrlNamesTheBoundPort() {
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port(), server.baseUrl());
    }

    @Test
    void nonStreamingChatHasMessageAndUsageAfterItsLatency() throws Exception {
        String body = "{\"model\":\"beta\",\"max_tokens\":10,\"messages\":[{\"role\":\"system\",\"content\":\"ab\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"cde\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]}";
        long start = System.nanoTime();
        MockHttp.Reply r = http.post("/v1/chat/completions", body);
        double ms = (System.nanoTime() - start) / 1e6;
        assertEquals(200, r.status());
        assertTrue(ms >= 10 + 2 * 9 - 1, "answered after " + ms + " ms");
        JsonNode j = r.json();
        assertEquals("chat.completion", j.get("object").asText());
        assertEquals("beta", j.get("model").asText());
        String content = j.at("/choices/0/message/content").asText();
        assertEquals(10, content.split(" ", -1).length - 1, content);
        assertEquals("length", j.at("/choices/0/finish_reason").asText());
        assertEquals(5, j.at("/usage/prompt_tokens").asInt());
        assertEquals(10, j.at("/usage/completion_tokens").asInt());
        assertEquals(15, j.at("/usage/total_tokens").asInt());
    }

    @Test
    void nonStreamingCompletionHasText() throws Exception {
        MockHttp.Reply r = http.post("/v1/completions", "{\"prompt\":\"hello\",\"max_tokens\":4}");
        JsonNode j = r.json();
        assertEquals("text_completion", j.get("object").asText());
        assertEquals("alpha", j.get("model").asText());
        assertTrue(j.at("/choices/0/text").asText().matches("( [a-z]+){4}"), j.toString());
        assertEquals(5, j.at("/usage/prompt_tokens").asInt());
    }

    @Test
    void embeddingsOneDeterministicVectorPerInput() throws Exception {
        JsonNode list = http.post("/v1/embeddings", "{\"model\":\"alpha\",\"input\":[\"one\",\"two\",\"one\"]}").json();
        assertEquals("list", list.get("object").asText());
        assertEquals(3, list.get("data").size());
        for (int i = 0; i < 3; i++) {
            JsonNode e = list.get("data").get(i);
            assertEquals("embedding", e.get("object").asText());
            assertEquals(i, e.get("index").asInt());
            assertEquals(32, e.get("embedding").size());
        }
        assertEquals(list.at("/data/0/embedding"), list.at("/data/2/embedding"));
        assertNotEquals(list.at("/data/0/embedding"), list.at("/data/1/embedding"));
        assertEquals(9, list.at("/usage/prompt_tokens").asInt()); // 3 inputs x 3 chars
        JsonNode single = http.post("/v1/embeddings", "{\"input\":\"one\"}").json();
        assertEquals(1, single.get("data").size());
        assertEquals(list.at("/data/0/embedding"), single.at("/data/0/embedding"));
    }

    @Test
    void modelsListsConfiguredModels() throws Exception {
        JsonNode j = http.get("/v1/models").json();
        assertEquals("list", j.get("object").asText());
        assertEquals("alpha", j.at("/data/0/id").asText());
        assertEquals("beta", j.at("/data/1/id").asText());
        assertEquals(2, j.get("data").size());
    }

    @Test
    void healthIsOk() throws Exception {
        assertEquals(200, http.get("/health").status());
    }

    @Test
    void badJsonIs400WithOpenAiError() throws Exception {
        MockHttp.Reply r = http.post("/v1/chat/completions", "{not json");
        assertEquals(400, r.status());
        assertEquals(400, r.json().at("/error/code").asInt());
        assertTrue(r.json().at("/error/message").asText().contains("JSON"));
        assertEquals(400, http.post("/v1/chat/completions", "{\"messages\":[],\"max_tokens\":-3}").status());
        assertEquals(400, http.post("/v1/embeddings", "{\"input\":[]}").status());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, http.get("/v1/nothing").status());
        assertEquals(405, http.get("/v1/chat/completions").status());
    }

    @Test
    void extraRoutesAreServed() throws Exception {
        try (MockServer s = MockServer.start(new MockServerOptions().eventLoops(1).addRoutes((router, vertx) ->
                router.add(io.vertx.core.http.HttpMethod.GET, "/extra", req -> req.response().end("extra"))))) {
            assertEquals("extra", new MockHttp(s.baseUrl()).get("/extra").body());
        }
    }

    @Test
    void invalidOptionsAreRefusedBeforeStarting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MockServer.start(new MockServerOptions().errorRate(1.5)));
        assertTrue(e.getMessage().contains("errorRate"), e.getMessage());
    }
}
