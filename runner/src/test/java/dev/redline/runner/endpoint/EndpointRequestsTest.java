package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.PreparedRequest;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Turn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire request of each endpoint type: body fields, headers, URI. */
class EndpointRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Turn TURN = new Turn(List.of("q", "p1", "p2"), "be brief", 7, 3, null, null, Map.of());

    private static ClientConfig cfg(EndpointType type, boolean streaming, Map<String, Object> extra, ClientConfig.Settings s) {
        return new ClientConfig("localhost:8000", null, type, streaming, Map.of(), "sk-1", 60, 4, streaming, false, extra, s);
    }

    private static PreparedRequest build(EndpointType type, boolean streaming) {
        return RequestFactory.forConfig(cfg(type, streaming, Map.of(), ClientConfig.Settings.DEFAULT)).build(TURN, "m/x",
                List.of(ChatMessage.user("u0"), ChatMessage.assistant("a0")), "sess-1");
    }

    private static JsonNode body(PreparedRequest r) throws Exception {
        return JSON.readTree(r.body().getBytes());
    }

    @Test
    void messagesUseXApiKeyTopLevelSystemAndAlwaysMaxTokens() throws Exception {
        PreparedRequest r = build(EndpointType.MESSAGES, true);
        assertEquals("sk-1", r.headers().get("x-api-key"));
        assertNull(r.headers().get("Authorization"), "Anthropic takes no bearer token");
        assertEquals(MessagesEndpoint.API_VERSION, r.headers().get("anthropic-version"));
        JsonNode b = body(r);
        assertEquals("be brief", b.get("system").asText());
        assertEquals(7, b.get("max_tokens").asInt());
        assertEquals(3, b.get("messages").size()); // history + user, no system message
        assertEquals("user", b.at("/messages/2/role").asText());
        Turn noMax = new Turn(List.of("q"), null, null, 1, null, null, Map.of());
        JsonNode d = JSON.readTree(RequestFactory.forConfig(cfg(EndpointType.MESSAGES, false, Map.of(), null)).body(noMax, "m", List.of()));
        assertEquals(MessagesEndpoint.DEFAULT_MAX_TOKENS, d.get("max_tokens").asInt());
    }

    @Test
    void responsesUseInputItemsInstructionsAndMaxOutputTokens() throws Exception {
        JsonNode b = body(build(EndpointType.RESPONSES, true));
        assertEquals("be brief", b.get("instructions").asText());
        assertEquals(7, b.get("max_output_tokens").asInt());
        assertTrue(b.get("stream").asBoolean());
        assertEquals("output_text", b.at("/input/1/content/0/type").asText()); // the assistant's history item
        assertEquals("input_text", b.at("/input/2/content/0/type").asText());
        assertEquals("p2", b.at("/input/2/content/2/text").asText());
    }

    @Test
    void rerankersNameQueryAndPassagesTheirOwnWay() throws Exception {
        JsonNode nim = body(build(EndpointType.NIM_RANKINGS, false));
        assertEquals("q", nim.at("/query/text").asText());
        assertEquals("p2", nim.at("/passages/1/text").asText());
        JsonNode tei = body(build(EndpointType.HF_TEI_RANKINGS, false));
        assertEquals("q", tei.get("query").asText());
        assertEquals("p1", tei.at("/texts/0").asText());
        assertFalse(tei.has("model"));
        JsonNode cohere = body(build(EndpointType.COHERE_RANKINGS, false));
        assertEquals("p2", cohere.at("/documents/1").asText());
        assertEquals("m/x", cohere.get("model").asText());
    }

    @Test
    void tritonPutsTheModelInThePathAndTgiUsesTheStreamingPath() throws Exception {
        PreparedRequest triton = build(EndpointType.GENERATE, true);
        assertEquals("/v2/models/m%2Fx/generate_stream", triton.uri());
        assertEquals(7, body(triton).get("max_tokens").asInt());
        assertEquals(7, body(build(EndpointType.HUGGINGFACE_GENERATE, true)).at("/parameters/max_new_tokens").asInt());
        assertEquals("/generate_stream", cfg(EndpointType.HUGGINGFACE_GENERATE, true, Map.of(), null).requestUri());
        assertEquals("/generate", cfg(EndpointType.HUGGINGFACE_GENERATE, false, Map.of(), null).requestUri());
        JsonNode kserve = body(build(EndpointType.KSERVE, false));
        assertEquals("BYTES", kserve.at("/inputs/0/datatype").asText());
        assertEquals(7, kserve.at("/inputs/1/data/0").asInt());
    }

    @Test
    void sessionHeaderCanBeRenamed() {
        ClientConfig.Settings s = new ClientConfig.Settings(null, "X-Session", false, false, null, null);
        PreparedRequest r = RequestFactory.forConfig(cfg(EndpointType.CHAT, false, Map.of(), s)).build(TURN, "m", List.of(), "sess-9");
        assertEquals("sess-9", r.headers().get("X-Session"));
        assertNull(r.headers().get("X-Correlation-ID"));
    }

    @Test
    void multipartFormCarriesFieldsAndDataUrlFiles() {
        ClientConfig c = cfg(EndpointType.AUDIO_TRANSCRIPTION, false,
                Map.of("file", "data:audio/wav;base64,UklGRg==", "language", "en"), null);
        PreparedRequest r = RequestFactory.forConfig(c).build(TURN, "whisper");
        String ct = r.headers().get("Content-Type");
        assertTrue(ct.startsWith(EndpointSpec.MULTIPART + "; boundary="), ct);
        String body = r.body().toString(StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"model\"") && body.contains("whisper"), body);
        assertTrue(body.contains("name=\"file\"; filename=\"file.wav\""), body);
        assertTrue(body.contains("RIFF"), "the file's decoded bytes: " + body);
        // JSON asked for explicitly: the same payload as a JSON body
        ClientConfig json = cfg(EndpointType.AUDIO_TRANSCRIPTION, false, Map.of(), ClientConfig.Settings.DEFAULT.withRequestContentType("application/json"));
        assertEquals("application/json", RequestFactory.forConfig(json).build(TURN, "m").headers().get("Content-Type"));
    }

    @Test
    void templateRendersJinjaAndRejectsABadTemplateBeforeAnyRequest() throws Exception {
        ClientConfig c = cfg(EndpointType.TEMPLATE, false,
                Map.of("payload_template", "{\"q\": {{ query|tojson }}, \"docs\": {{ passages|tojson }}, \"n\": {{ max_tokens }}}",
                        "temperature", 0.5), null);
        JsonNode b = body(RequestFactory.forConfig(c).build(TURN, "m"));
        assertEquals("q", b.get("q").asText());
        assertEquals("p2", b.at("/docs/1").asText());
        assertEquals(7, b.get("n").asInt());
        assertEquals(0.5, b.get("temperature").asDouble()); // other extras merged
        assertFalse(b.has("payload_template"));
        BadInputException missing = assertThrows(BadInputException.class,
                () -> RequestFactory.forConfig(cfg(EndpointType.TEMPLATE, false, Map.of(), null)));
        assertTrue(missing.getMessage().contains("payload_template"), missing.getMessage());
        BadInputException badPath = assertThrows(BadInputException.class, () -> RequestFactory.forConfig(cfg(EndpointType.RAW, false,
                Map.of("response_field", "data[0"), null)));
        assertTrue(badPath.getMessage().contains("response_field"), badPath.getMessage());
    }
}
