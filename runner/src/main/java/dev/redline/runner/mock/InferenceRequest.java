package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the mock needs from an inference request body: model, streaming, sizes, the prompt text. */
final class InferenceRequest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A request the mock refuses with HTTP 400; the message is sent to the client. */
    static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    final String model;
    final boolean stream;
    final boolean includeUsage;
    /** Requested output tokens, or -1 when the request gives none. */
    final int maxTokens;
    /** Text whose tokens are the prompt tokens (chat: all message texts joined with ""). */
    final String promptText;
    /** Embeddings: the inputs. */
    final List<String> inputs;
    /** The client asked for send stamps ({@link dev.redline.runner.client.SourceStamp}); set by the handler, not the body. */
    boolean stamps;
    /** Media parts the request carried, checked (chat). */
    MockMedia.Received media = MockMedia.Received.NONE;
    /** A chat request's image cache uuids (null for other APIs). */
    MockMedia.ImageUuids imageUuids;

    InferenceRequest(String model, boolean stream, boolean includeUsage, int maxTokens,
                     String promptText, List<String> inputs) {
        this.model = model;
        this.stream = stream;
        this.includeUsage = includeUsage;
        this.maxTokens = maxTokens;
        this.promptText = promptText;
        this.inputs = inputs;
    }

    /** The body as a JSON object; 400 when it is not one. */
    static JsonNode json(Buffer body) throws BadRequest {
        JsonNode root;
        try {
            root = MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            throw new BadRequest("Request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new BadRequest("Request body must be a JSON object");
        return root;
    }

    /** The request's model, or the mock's first one. */
    static String model(JsonNode root, String defaultModel) {
        JsonNode m = root.get("model");
        return m != null && m.isTextual() && !m.asText().isEmpty() ? m.asText() : defaultModel;
    }

    static InferenceRequest chat(JsonNode root, String defaultModel) throws BadRequest {
        MockMedia.ImageUuids ids = new MockMedia.ImageUuids();
        MockMedia.Received media = MockMedia.checkChat(root, ids);
        InferenceRequest req = generation(root, defaultModel, chatText(root));
        req.media = media;
        req.imageUuids = ids;
        return req;
    }

    static InferenceRequest completions(JsonNode root, String defaultModel) throws BadRequest {
        return generation(root, defaultModel, promptText(root));
    }

    /** OpenAI-shaped {@code input}, or vLLM's chat-shaped {@code messages} (chat_embeddings): one input per message list. */
    static InferenceRequest embeddings(JsonNode root, String defaultModel) throws BadRequest {
        List<String> inputs = root.has("messages") && !root.has("input") ? List.of(chatText(root)) : embeddingInputs(root);
        return new InferenceRequest(model(root, defaultModel), false, false, -1, "", inputs);
    }

    private static InferenceRequest generation(JsonNode root, String defaultModel, String prompt) throws BadRequest {
        boolean stream = root.path("stream").asBoolean(false);
        boolean includeUsage = root.path("stream_options").path("include_usage").asBoolean(false);
        return new InferenceRequest(model(root, defaultModel), stream, includeUsage,
                maxTokens(root, "max_completion_tokens", "max_tokens"), prompt, List.of());
    }

    /** The first of {@code fields} that is set, as a positive integer; -1 when none is; 400 when one is not a positive integer. */
    static int maxTokens(JsonNode root, String... fields) throws BadRequest {
        for (String field : fields) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) continue;
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
                throw new BadRequest(field + " must be a positive integer, was " + n);
            }
            return n.asInt();
        }
        return -1;
    }

    static String chatText(JsonNode root) throws BadRequest {
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray()) throw new BadRequest("messages must be a list of messages");
        StringBuilder text = new StringBuilder();
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content == null || content.isNull()) continue;
            if (content.isTextual()) {
                text.append(content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText()) && part.get("text") != null) {
                        text.append(part.get("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    private static String promptText(JsonNode root) throws BadRequest {
        JsonNode prompt = root.get("prompt");
        if (prompt == null || prompt.isNull()) throw new BadRequest("prompt is required");
        if (prompt.isTextual()) return prompt.asText();
        if (prompt.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode p : prompt) text.append(p.asText());
            return text.toString();
        }
        throw new BadRequest("prompt must be a string or a list of strings");
    }

    private static List<String> embeddingInputs(JsonNode root) throws BadRequest {
        JsonNode input = root.get("input");
        if (input != null && input.isTextual()) return List.of(input.asText());
        if (input != null && input.isArray() && !input.isEmpty()) {
            List<String> inputs = new ArrayList<>(input.size());
            for (JsonNode i : input) {
                if (!i.isTextual()) throw new BadRequest("input must be a string or a list of strings");
                inputs.add(i.asText());
            }
            return inputs;
        }
        throw new BadRequest("input must be a string or a non-empty list of strings");
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
