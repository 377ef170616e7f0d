package dev.redline.runner.client;

import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenAI chat completions: messages (system, history, user), max_completion_tokens, stream_options. */
public final class ChatRequestFactory extends BaseRequestFactory {
    public ChatRequestFactory(ClientConfig config) {
        super(config);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        List<Map<String, Object>> messages = new ArrayList<>(history.size() + 2);
        if (turn.systemPrompt() != null) messages.add(message("system", turn.systemPrompt()));
        for (ChatMessage m : history) messages.add(message(m.role(), m.content()));
        messages.add(message("user", userContent(turn.texts())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", messages);
        body.put("model", model);
        body.put("stream", config.streaming());
        if (turn.maxTokens() != null) {
            body.put(config.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", turn.maxTokens());
        }
        Map<String, Object> streamOptions = streamOptions();
        if (streamOptions != null) body.put("stream_options", streamOptions);
        return body;
    }

    /** A plain string for one text (AIPerf), a list of text parts for several, "" for none. */
    static Object userContent(List<String> texts) {
        if (texts.isEmpty()) return "";
        if (texts.size() == 1) return texts.get(0);
        List<Map<String, Object>> parts = new ArrayList<>(texts.size());
        for (String t : texts) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", "text");
            p.put("text", t);
            parts.add(p);
        }
        return parts;
    }

    private static Map<String, Object> message(String role, Object content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
