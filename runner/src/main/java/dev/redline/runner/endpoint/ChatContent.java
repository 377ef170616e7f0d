package dev.redline.runner.endpoint;

import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.media.MediaParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user turn's message content in the OpenAI chat shape, shared by the chat-like types (chat, vision,
 * multimodal, chat_embeddings): a plain string when the turn has exactly one text and no media (AIPerf), else a
 * list of parts in AIPerf's order: texts ({@code {"type":"text","text":...}}), images
 * ({@code {"type":"image_url","image_url":{"url":...}}}), audio ({@code {"type":"input_audio","input_audio":
 * {"data":b64,"format":"wav"}}}), video ({@code {"type":"video_url","video_url":{"url":...}}}); an empty part list
 * becomes {@code ""}.
 */
public final class ChatContent {
    private ChatContent() { }

    public static Object user(Turn turn) {
        return of(turn.texts(), turn.media());
    }

    public static Object of(List<String> texts, MediaParts media) {
        if (texts.size() == 1 && media.isEmpty()) return texts.get(0);
        List<Map<String, Object>> parts = new ArrayList<>(texts.size() + media.images().size() + media.audios().size() + media.videos().size());
        for (String t : texts) parts.add(JsonPayloads.object("type", "text", "text", t));
        for (String url : media.images()) parts.add(JsonPayloads.object("type", "image_url", "image_url", Map.of("url", url)));
        for (String a : media.audios()) {
            int comma = a.indexOf(',');
            parts.add(JsonPayloads.object("type", "input_audio", "input_audio",
                    JsonPayloads.object("data", a.substring(comma + 1), "format", a.substring(0, comma))));
        }
        for (String url : media.videos()) parts.add(JsonPayloads.object("type", "video_url", "video_url", Map.of("url", url)));
        return parts.isEmpty() ? "" : parts;
    }
}
