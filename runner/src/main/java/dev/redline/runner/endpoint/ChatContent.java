package dev.redline.runner.endpoint;

import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user turn's message content in the OpenAI chat shape, shared by the chat-like types (chat, vision,
 * multimodal, chat_embeddings): a plain string when the turn has exactly one text (AIPerf), else a list of
 * parts ({@code {"type":"text","text":...}}); an empty part list becomes {@code ""}.
 */
public final class ChatContent {
    private ChatContent() { }

    public static Object user(Turn turn) {
        List<String> texts = turn.texts();
        if (texts.size() == 1) return texts.get(0);
        List<Map<String, Object>> parts = new ArrayList<>(texts.size());
        for (String t : texts) parts.add(JsonPayloads.object("type", "text", "text", t));
        return parts.isEmpty() ? "" : parts;
    }
}
