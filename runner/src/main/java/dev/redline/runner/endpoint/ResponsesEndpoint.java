package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Responses API ({@code POST /v1/responses}): {@code input} items ({@code input_text} parts; history as
 * earlier items), the system prompt as {@code instructions}, {@code max_output_tokens}, {@code stream}.
 * Streams are typed events: {@code response.output_text.delta} is output, {@code response.reasoning_text.delta}
 * and {@code response.reasoning_summary_text.delta} are reasoning, {@code response.function_call_arguments.delta}
 * is output too (tool-call tokens), {@code response.completed} ends the stream and carries the usage.
 */
final class ResponsesEndpoint extends BaseEndpoint {
    ResponsesEndpoint(ClientConfig config) {
        super(EndpointType.RESPONSES, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<Map<String, Object>> input = new ArrayList<>(history.size() + 1);
        for (ChatMessage m : history) {
            String part = "assistant".equals(m.role()) ? "output_text" : "input_text";
            input.add(ChatEndpoint.message(m.role(), List.of(JsonPayloads.object("type", part, "text", m.content()))));
        }
        input.add(ChatEndpoint.message("user", ChatContent.parts(turn.texts(), turn.media(), ChatContent.Shape.RESPONSES)));
        Map<String, Object> body = JsonPayloads.object("model", model);
        body.put("input", input);
        if (turn.systemPrompt() != null) body.put("instructions", turn.systemPrompt());
        putIfSet(body, "max_output_tokens", turn.maxTokens());
        body.put("stream", config.streaming());
        return body;
    }

    @Override
    public ResponseParser newParser() {
        return new Parser();
    }

    /** Stream events and whole {@code "object":"response"} bodies. */
    static final class Parser extends TreeResponseParser {
        @Override
        protected String read(JsonNode root) {
            String type = root.path("type").asText("");
            if (type.startsWith("response.")) {
                event(type, root);
                return null;
            }
            if (!"response".equals(root.path("object").asText())) return "not a Responses API event or response object";
            whole(root);
            return null;
        }

        private void event(String type, JsonNode root) {
            switch (type) {
                case "response.output_text.delta", "response.function_call_arguments.delta" -> appendText(content, root.get("delta"));
                case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" -> appendText(reasoning, root.get("delta"));
                case "response.completed", "response.incomplete" -> {
                    finished = true;
                    usage = usageOf(root.path("response").get("usage"));
                }
                case "response.failed" -> {
                    JsonNode error = root.path("response").path("error");
                    serverError(error.path("message").asText("response failed"), -1);
                }
                default -> { }
            }
        }

        /** A non-streaming response: output_text of message items, reasoning items' text, usage. */
        private void whole(JsonNode root) {
            finished = true;
            usage = usageOf(root.get("usage"));
            boolean convenience = root.path("output_text").isTextual(); // SDK-style bodies repeat the text there
            appendText(content, root.get("output_text"));
            for (JsonNode item : root.path("output")) {
                String itemType = item.path("type").asText();
                if ("message".equals(itemType) && !convenience) {
                    for (JsonNode part : item.path("content")) {
                        if ("output_text".equals(part.path("type").asText())) appendText(content, part.get("text"));
                    }
                } else if ("reasoning".equals(itemType)) {
                    for (JsonNode part : item.path("content")) appendText(reasoning, part.get("text"));
                    if (item.path("content").isEmpty()) for (JsonNode part : item.path("summary")) appendText(reasoning, part.get("text"));
                } else if ("function_call".equals(itemType) && !convenience) {
                    appendText(content, item.get("arguments"));
                }
            }
            hasData = true;
        }
    }
}
