package dev.redline.runner.endpoint;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.OpenAiResponseParser;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI chat completions (also GenAI-Perf's vision and multimodal, which are chat with media parts): messages
 * (system, history, user), model, stream, max_completion_tokens (max_tokens with --use-legacy-max-tokens),
 * stream_options.include_usage when streaming.
 */
final class ChatEndpoint extends BaseEndpoint {
    ChatEndpoint(EndpointType type, ClientConfig config) {
        super(type, config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages(turn, history));
        body.put("model", model);
        body.put("stream", config.streaming());
        putIfSet(body, config.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", turn.maxTokens());
        Map<String, Object> streamOptions = config.streamOptions();
        if (streamOptions != null) body.put("stream_options", streamOptions);
        return body;
    }

    /** System message, history, then the turn (a user message unless the dataset gave it another role). */
    static List<Map<String, Object>> messages(Turn turn, List<ChatMessage> history) {
        List<Map<String, Object>> messages = new ArrayList<>(history.size() + 2);
        if (turn.systemPrompt() != null) messages.add(message("system", turn.systemPrompt()));
        for (ChatMessage m : history) {
            messages.add(message(m.role(), m.media().isEmpty() ? m.content() : ChatContent.of(List.of(m.content()), m.media())));
        }
        messages.add(message(turn.messageRole(), ChatContent.user(turn)));
        return messages;
    }

    static Map<String, Object> message(String role, Object content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    @Override
    public ResponseParser newParser() {
        return new OpenAiResponseParser();
    }
}
