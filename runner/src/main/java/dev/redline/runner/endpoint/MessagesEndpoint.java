package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.Usage;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anthropic Messages API ({@code POST /v1/messages}): the system prompt in the top-level {@code system}, history
 * and the user turn in {@code messages}, {@code max_tokens} always sent (the API requires it), the key in
 * {@code x-api-key} with {@code anthropic-version} instead of a bearer token. Streams are typed events:
 * {@code content_block_delta} carries {@code text_delta} (output), {@code thinking_delta} (reasoning) or
 * {@code input_json_delta} (tool input, output); {@code message_start} has the input tokens,
 * {@code message_delta} the output tokens, {@code message_stop} ends the stream.
 */
final class MessagesEndpoint extends BaseEndpoint {
    static final String API_VERSION = "2023-06-01";
    /** Sent when the turn asks for no output length: the API refuses a request without max_tokens. */
    static final int DEFAULT_MAX_TOKENS = 1024;

    MessagesEndpoint(ClientConfig config) {
        super(EndpointType.MESSAGES, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<Map<String, Object>> messages = new ArrayList<>(history.size() + 1);
        for (ChatMessage m : history) messages.add(ChatEndpoint.message(m.role(), m.content()));
        messages.add(ChatEndpoint.message("user", ChatContent.of(turn.texts(), turn.media(), ChatContent.Shape.ANTHROPIC)));
        Map<String, Object> body = JsonPayloads.object("model", model);
        if (turn.systemPrompt() != null) body.put("system", turn.systemPrompt());
        body.put("messages", messages);
        body.put("max_tokens", turn.maxTokens() != null ? turn.maxTokens() : DEFAULT_MAX_TOKENS);
        body.put("stream", config.streaming());
        return body;
    }

    @Override
    public boolean bearerAuth() { return false; }

    @Override
    public void addHeaders(MultiMap headers) {
        if (config.apiKey() != null && !config.apiKey().isBlank()) headers.set("x-api-key", config.apiKey());
        headers.set("anthropic-version", API_VERSION);
    }

    @Override
    public ResponseParser newParser() {
        return new Parser();
    }

    /** Stream events and whole {@code "type":"message"} bodies; keeps the input tokens of message_start for the final usage. */
    static final class Parser extends TreeResponseParser {
        private int inputTokens = -1;
        private int cachedTokens = -1;

        @Override
        protected String read(JsonNode root) {
            String type = root.path("type").asText("");
            switch (type) {
                case "message" -> {
                    for (JsonNode block : root.path("content")) block(block, block.path("type").asText());
                    usage = usageOf(root.get("usage"));
                    finished = true;
                    hasData = true;
                }
                case "message_start" -> {
                    Usage u = usageOf(root.path("message").get("usage"));
                    if (u != null) {
                        inputTokens = u.promptTokens();
                        cachedTokens = u.cachedPromptTokens();
                    }
                }
                case "content_block_start" -> block(root.path("content_block"), root.path("content_block").path("type").asText());
                case "content_block_delta" -> delta(root.path("delta"));
                case "message_delta" -> {
                    Usage u = usageOf(root.get("usage"));
                    if (u != null) {
                        int in = u.promptTokens() >= 0 ? u.promptTokens() : inputTokens;
                        int total = in >= 0 && u.completionTokens() >= 0 ? in + u.completionTokens() : -1;
                        usage = new Usage(in, u.completionTokens(), total, -1, u.cachedPromptTokens() >= 0 ? u.cachedPromptTokens() : cachedTokens);
                    }
                }
                case "message_stop" -> finished = true;
                case "content_block_stop", "ping" -> { }
                default -> {
                    return "not an Anthropic Messages event or message (type '" + type + "')";
                }
            }
            return null;
        }

        private void block(JsonNode block, String type) {
            switch (type) {
                case "text" -> appendText(content, block.get("text"));
                case "thinking" -> appendText(reasoning, block.get("thinking"));
                default -> { }
            }
        }

        private void delta(JsonNode delta) {
            switch (delta.path("type").asText()) {
                case "text_delta" -> appendText(content, delta.get("text"));
                case "thinking_delta" -> appendText(reasoning, delta.get("thinking"));
                case "input_json_delta" -> appendText(content, delta.get("partial_json"));
                default -> { }
            }
        }
    }
}
