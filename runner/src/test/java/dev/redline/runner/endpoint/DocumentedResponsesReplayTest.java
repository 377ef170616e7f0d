package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays, byte for byte, the sample answers the servers' public docs show (TEI's rerank, TGI's
 * generate_stream, OpenAI's Responses stream events, Anthropic's Messages stream, the KServe v2 inference
 * answer) over a real HTTP connection, and checks what the client reads from them.
 */
class DocumentedResponsesReplayTest {
    private static MockServer server;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        server = MockServer.start(new MockServerOptions());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        server.close();
    }

    private static RequestRecord replay(EndpointType type, boolean streaming, String contentType, String body) throws Exception {
        String path = "/replay/" + type.wireName() + "/" + streaming + "/" + body.hashCode();
        server.router().add(HttpMethod.POST, path, req -> req.body().onSuccess(b ->
                req.response().putHeader("Content-Type", contentType).end(body)));
        ClientConfig config = new ClientConfig(server.baseUrl(), path, type, streaming, Map.of(), "key", 10, 2,
                streaming, false, Map.of());
        InferenceClient client = new InferenceClient(vertx, config, 1);
        try {
            RequestRecord rec = new RequestRecord(0, RequestRecord.Phase.PROFILING);
            CompletableFuture<Void> done = new CompletableFuture<>();
            Turn turn = new Turn(List.of("What is Deep Learning?", "Deep Learning is not...", "Deep learning is..."),
                    null, 20, 5, null, null, null);
            client.send(RequestFactory.forConfig(config).build(turn, "m"), rec, () -> done.complete(null));
            done.get(10, TimeUnit.SECONDS);
            return rec;
        } finally {
            client.close();
        }
    }

    @Test
    void teiRerank() throws Exception {
        RequestRecord r = replay(EndpointType.HF_TEI_RANKINGS, false, "application/json",
                "[{\"index\":1,\"score\":0.9976404},{\"index\":0,\"score\":0.0022164}]");
        assertNull(r.error(), String.valueOf(r.error()));
        assertTrue(r.isValid());
        assertEquals(2, r.generatedItems()); // one score per passage
    }

    @Test
    void tgiGenerateStream() throws Exception {
        RequestRecord r = replay(EndpointType.HUGGINGFACE_GENERATE, true, "text/event-stream", """
                data:{"index":1,"token":{"id":89554,"text":" Deep","logprob":-0.29,"special":false},"generated_text":null,"details":null}

                data:{"index":2,"token":{"id":6975,"text":" learning","logprob":-0.0018,"special":false},"generated_text":null,"details":null}

                data:{"index":3,"token":{"id":374,"text":" is","logprob":-0.06,"special":false},"generated_text":null,"details":null}

                data:{"index":4,"token":{"id":264,"text":" a","logprob":-0.2,"special":false},"generated_text":" Deep learning is a","details":null}

                """);
        assertNull(r.error(), String.valueOf(r.error()));
        assertEquals(" Deep learning is a", r.outputText());
        assertEquals(4, r.chunkCount());
    }

    @Test
    void responsesApiStreamEvents() throws Exception {
        RequestRecord r = replay(EndpointType.RESPONSES, true, "text/event-stream", """
                event: response.created
                data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","created_at":1741290958,"status":"in_progress","error":null,"incomplete_details":null,"instructions":"You are a helpful assistant.","max_output_tokens":null,"model":"gpt-4.1-2025-04-14","output":[],"parallel_tool_calls":true,"previous_response_id":null,"reasoning":{"effort":null,"summary":null},"store":true,"temperature":1.0,"text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":1.0,"truncation":"disabled","usage":null,"user":null,"metadata":{}}}

                event: response.in_progress
                data: {"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","created_at":1741290958,"status":"in_progress","error":null,"model":"gpt-4.1-2025-04-14","output":[],"usage":null}}

                event: response.output_item.added
                data: {"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"in_progress","role":"assistant","content":[]}}

                event: response.content_part.added
                data: {"type":"response.content_part.added","sequence_number":3,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}

                event: response.output_text.delta
                data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"delta":"Hi"}

                event: response.output_text.delta
                data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"delta":" there!"}

                event: response.output_text.done
                data: {"type":"response.output_text.done","sequence_number":6,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"text":"Hi there!"}

                event: response.content_part.done
                data: {"type":"response.content_part.done","sequence_number":7,"item_id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","output_index":0,"content_index":0,"part":{"type":"output_text","text":"Hi there!","annotations":[]}}

                event: response.output_item.done
                data: {"type":"response.output_item.done","sequence_number":8,"output_index":0,"item":{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi there!","annotations":[]}]}}

                event: response.completed
                data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654","object":"response","created_at":1741290958,"status":"completed","error":null,"model":"gpt-4.1-2025-04-14","output":[{"id":"msg_67c9fdcf37fc8190ba82116e33fb28c507b8b0ad4e5eb654","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Hi there!","annotations":[]}]}],"usage":{"input_tokens":37,"input_tokens_details":{"cached_tokens":0},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":48},"user":null,"metadata":{}}}

                """);
        assertNull(r.error(), String.valueOf(r.error()));
        assertEquals("Hi there!", r.outputText());
        assertEquals(2, r.chunkCount()); // only the two deltas carry content
        assertEquals(37, r.usage().promptTokens());
        assertEquals(11, r.usage().completionTokens());
    }

    @Test
    void responsesApiReasoningDeltasAreReasoning() throws Exception {
        RequestRecord r = replay(EndpointType.RESPONSES, true, "text/event-stream", """
                event: response.reasoning_text.delta
                data: {"type":"response.reasoning_text.delta","item_id":"rs_1","output_index":0,"content_index":0,"delta":"Let me think"}

                event: response.output_text.delta
                data: {"type":"response.output_text.delta","item_id":"msg_1","output_index":1,"content_index":0,"delta":"42"}

                event: response.completed
                data: {"type":"response.completed","response":{"id":"resp_1","object":"response","status":"completed","output":[],"usage":{"input_tokens":3,"output_tokens":4,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":7}}}

                """);
        assertNull(r.error(), String.valueOf(r.error()));
        assertEquals("Let me think", r.reasoningText());
        assertEquals("42", r.outputText());
        assertEquals(1, r.firstOutputChunk()); // TTFO waits for the first output delta
        assertEquals(3, r.usage().reasoningTokens());
    }

    @Test
    void anthropicMessagesStream() throws Exception {
        RequestRecord r = replay(EndpointType.MESSAGES, true, "text/event-stream", """
                event: message_start
                data: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-opus-4-6", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}

                event: content_block_start
                data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}

                event: ping
                data: {"type": "ping"}

                event: content_block_delta
                data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}

                event: content_block_delta
                data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "!"}}

                event: content_block_stop
                data: {"type": "content_block_stop", "index": 0}

                event: message_delta
                data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}

                event: message_stop
                data: {"type": "message_stop"}

                """);
        assertNull(r.error(), String.valueOf(r.error()));
        assertEquals("Hello!", r.outputText());
        assertEquals(25, r.usage().promptTokens());   // from message_start
        assertEquals(15, r.usage().completionTokens()); // from message_delta
    }

    @Test
    void kserveV2InferenceAnswers() throws Exception {
        RequestRecord text = replay(EndpointType.KSERVE, false, "application/json",
                "{\"model_name\":\"ensemble\",\"model_version\":\"1\",\"outputs\":[{\"name\":\"text_output\",\"datatype\":\"BYTES\","
                        + "\"shape\":[1],\"data\":[\"Machine learning is a subset of AI\"]}]}");
        assertNull(text.error(), String.valueOf(text.error()));
        assertEquals("Machine learning is a subset of AI", text.outputText());
        // the protocol doc's own example: a numeric tensor, a result without text
        RequestRecord numeric = replay(EndpointType.KSERVE, false, "application/json",
                "{\"model_name\":\"mymodel\",\"id\":\"42\",\"outputs\":[{\"name\":\"output0\",\"shape\":[3,2],\"datatype\":\"FP32\","
                        + "\"data\":[1.0,1.1,2.0,2.1,3.0,3.1]}]}");
        assertNull(numeric.error(), String.valueOf(numeric.error()));
        assertTrue(numeric.isValid());
    }

    @Test
    void abrokenAnswerIsAnErrorNeverASuccess() throws Exception {
        RequestRecord r = replay(EndpointType.COHERE_RANKINGS, false, "application/json", "{\"id\":\"x\",\"meta\":{}}");
        assertTrue(r.isError(), "a rerank answer without results must be an error");
    }
}
