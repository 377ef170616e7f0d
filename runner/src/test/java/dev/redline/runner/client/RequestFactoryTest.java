package dev.redline.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClientConfig cfg(EndpointType type, boolean streaming, boolean legacy, Map<String, Object> extra) {
        return new ClientConfig("localhost:8000/", null, type, streaming, Map.of("X-Custom", "v"), "sk-1", 60, 4,
                streaming, legacy, extra);
    }

    private static JsonNode body(PreparedRequest r) throws Exception {
        return JSON.readTree(r.body().getBytes());
    }

    @Test
    void chatStreamingBodyAndHeaders() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("temperature", 0.5);
        extra.put("max_completion_tokens", 999); // extra inputs override (AIPerf merges after)
        ClientConfig c = cfg(EndpointType.CHAT, true, false, extra);
        Turn t = new Turn(List.of("hi"), "be brief", 10, 1, null, null, Map.of("seed", 7));
        PreparedRequest r = RequestFactory.forConfig(c).build(t, "llama", List.of(ChatMessage.user("q0"), ChatMessage.assistant("a0")), "corr-1");
        JsonNode b = body(r);
        assertEquals("system", b.get("messages").get(0).get("role").asText());
        assertEquals("q0", b.get("messages").get(1).get("content").asText());
        assertEquals("a0", b.get("messages").get(2).get("content").asText());
        assertEquals("hi", b.get("messages").get(3).get("content").asText(), "single text is a plain string");
        assertEquals("llama", b.get("model").asText());
        assertTrue(b.get("stream").asBoolean());
        assertEquals(999, b.get("max_completion_tokens").asInt());
        assertTrue(b.get("stream_options").get("include_usage").asBoolean());
        assertEquals(0.5, b.get("temperature").asDouble());
        assertEquals(7, b.get("seed").asInt());
        assertEquals("text/event-stream", r.headers().get("Accept"));
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals("Bearer sk-1", r.headers().get("Authorization"));
        assertEquals("v", r.headers().get("X-Custom"));
        assertEquals("corr-1", r.headers().get("X-Correlation-ID"));
        assertEquals(r.requestId(), r.headers().get("X-Request-ID"));
        assertNotEquals(r.requestId(), RequestFactory.forConfig(c).build(t, "llama").requestId());
        assertEquals("http://localhost:8000/v1/chat/completions", c.endpointUrl());
    }

    @Test
    void chatOptionalFields() throws Exception {
        ClientConfig c = cfg(EndpointType.CHAT, false, true, Map.of());
        JsonNode b = body(RequestFactory.forConfig(c).build(new Turn(List.of("a", "b"), null, 5, 1, null, null, null), "m"));
        assertEquals(5, b.get("max_tokens").asInt());
        assertFalse(b.has("max_completion_tokens"));
        assertFalse(b.has("stream_options"));
        assertEquals(2, b.get("messages").get(0).get("content").size(), "several texts become text parts");
        assertEquals("text", b.get("messages").get(0).get("content").get(1).get("type").asText());
        JsonNode noMax = body(RequestFactory.forConfig(c).build(Turn.ofText("x", 1, null), "m"));
        assertFalse(noMax.has("max_tokens") || noMax.has("max_completion_tokens"), "no OSL, no limit");
    }

    @Test
    void completionsAndEmbeddings() throws Exception {
        JsonNode comp = body(RequestFactory.forConfig(cfg(EndpointType.COMPLETIONS, true, false, Map.of())).build(Turn.ofText("p", 1, 3), "m"));
        assertEquals("p", comp.get("prompt").asText());
        assertEquals(3, comp.get("max_tokens").asInt());
        JsonNode emb = body(RequestFactory.forConfig(cfg(EndpointType.EMBEDDINGS, false, false, Map.of()))
                .build(new Turn(List.of("a", "b"), null, 3, 1, null, null, null), "m"));
        assertEquals(2, emb.get("input").size());
        assertFalse(emb.has("max_tokens"));
        assertEquals("/v1/embeddings", cfg(EndpointType.EMBEDDINGS, false, false, Map.of()).requestUri());
        ClientConfig prefixed = new ClientConfig("https://h.example/openai/", "/v1/x", EndpointType.CHAT, false, null, null, 1, 1, false, false, null);
        assertEquals("/openai/v1/x", prefixed.requestUri());
        assertEquals(443, prefixed.port());
        assertTrue(prefixed.ssl());
    }

    @Test
    void inputsJsonHasAiperfShape(@TempDir Path dir) throws Exception {
        Dataset ds = new Dataset() {
            final List<Conversation> cs = List.of(
                    new Conversation("s0", List.of(Turn.ofText("one", 1, 2))),
                    new Conversation("s1", List.of(Turn.ofText("two", 1, 2), Turn.ofText("three", 1, 2))));
            @Override public List<Conversation> conversations() { return cs; }
            @Override public Conversation next(long n) { return cs.get((int) (n % 2)); }
        };
        Path f = dir.resolve("inputs.json");
        ClientConfig c = cfg(EndpointType.CHAT, true, false, Map.of());
        InputsJsonWriter.write(f, ds, RequestFactory.forConfig(c), List.of("a", "b"));
        JsonNode root = JSON.readTree(f.toFile());
        assertEquals(2, root.get("data").size());
        assertEquals("s1", root.get("data").get(1).get("session_id").asText());
        assertEquals(2, root.get("data").get(1).get("payloads").size());
        assertEquals("b", root.get("data").get(1).get("payloads").get(0).get("model").asText());
        assertEquals("three", root.get("data").get(1).get("payloads").get(1).get("messages").get(0).get("content").asText());
    }

    @Test
    void aSingleUseTurnIsEncodedWithoutBeingKept() throws Exception {
        RequestFactory f = RequestFactory.forConfig(cfg(EndpointType.CHAT, false, false, Map.of()));
        Turn once = Turn.ofText("[rid:abc]\n\nhello", 5, null);
        PreparedRequest r = f.buildOnce(once, "m", List.of(), null);
        assertEquals("[rid:abc]\n\nhello", body(r).at("/messages/0/content").asText());
        assertEquals(0, f.prepare(List.of(), List.of("m")), "nothing cached for a single-use turn");
        f.build(once, "m", List.of(), null);
        assertEquals(1, f.prepare(List.of(), List.of("m")), "a dataset turn's body is kept");
    }
}
