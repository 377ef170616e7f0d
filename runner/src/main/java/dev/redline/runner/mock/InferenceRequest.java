package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the mock needs from a chat / completions / embeddings request body. */
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

    private InferenceRequest(String model, boolean stream, boolean includeUsage, int maxTokens,
                             String promptText, List<String> inputs) {
        this.model = model;
        this.stream = stream;
        this.includeUsage = includeUsage;
        this.maxTokens = maxTokens;
        this.promptText = promptText;
        this.inputs = inputs;
    }

    static InferenceRequest parse(Buffer body, EndpointKind kind, String defaultModel) throws BadRequest {
        JsonNode root;
        try {
            root = MAPPER.readTree(body.getBytes());
        } catch (IOException e) {
            throw new BadRequest("Request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new BadRequest("Request body must be a JSON object");
        JsonNode m = root.get("model");
        String model = m != null && m.isTextual() && !m.asText().isEmpty() ? m.asText() : defaultModel;
        boolean stream = root.path("stream").asBoolean(false);
        boolean includeUsage = root.path("stream_options").path("include_usage").asBoolean(false);
        int maxTokens = maxTokens(root);
        return switch (kind) {
            case CHAT -> new InferenceRequest(model, stream, includeUsage, maxTokens, chatText(root), List.of());
            case COMPLETIONS -> new InferenceRequest(model, stream, includeUsage, maxTokens, promptText(root), List.of());
            case EMBEDDINGS -> new InferenceRequest(model, false, false, -1, "", embeddingInputs(root));
        };
    }

    private static int maxTokens(JsonNode root) throws BadRequest {
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) continue;
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1) {
                throw new BadRequest(field + " must be a positive integer, was " + n);
            }
            return n.asInt();
        }
        return -1;
    }

    private static String chatText(JsonNode root) throws BadRequest {
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

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
