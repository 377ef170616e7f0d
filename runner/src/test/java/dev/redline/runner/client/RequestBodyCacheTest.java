package dev.redline.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Bodies reused for history-free turns are exactly what a fresh serialisation gives, per model and turn. */
class RequestBodyCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(PreparedRequest r) throws Exception {
        return JSON.readTree(r.body().getBytes());
    }

    @Test
    void repeatedTurnsSendTheSameBodyAndModelsOrHistoryChangeIt() throws Exception {
        ClientConfig c = new ClientConfig("localhost:8000", null, EndpointType.CHAT, true, Map.of(), null, 60, 4,
                true, false, Map.of("temperature", 0.5));
        RequestFactory f = RequestFactory.forConfig(c);
        Turn a = Turn.ofText("alpha", 1, 8);
        Turn b = Turn.ofText("beta", 1, 8);
        JsonNode first = body(f.build(a, "m1", List.of(), null));
        assertEquals(first, body(f.build(a, "m1", List.of(), null)));
        assertEquals(JSON.readTree(f.body(a, "m1", List.of())), first);
        assertEquals("alpha", first.at("/messages/0/content").asText());
        assertEquals(0.5, first.get("temperature").asDouble());
        assertEquals("m2", body(f.build(a, "m2", List.of(), null)).get("model").asText());
        assertEquals("beta", body(f.build(b, "m1", List.of(), null)).at("/messages/0/content").asText());
        JsonNode withHistory = body(f.build(a, "m1", List.of(ChatMessage.user("q0"), ChatMessage.assistant("a0")), null));
        assertEquals(3, withHistory.get("messages").size());
        assertNotEquals(first, withHistory);
        assertEquals(first, body(f.build(a, "m1", List.of(), null))); // history never leaks into the cached body
    }
}
