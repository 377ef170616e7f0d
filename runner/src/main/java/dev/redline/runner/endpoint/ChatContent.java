package dev.redline.runner.endpoint;

import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.media.MediaParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user turn's message content, shared by the chat-like types: a plain string when the turn has exactly one text
 * and no media (AIPerf), else a list of parts in AIPerf's order, texts then images, audio, video, in the
 * {@link Shape} of the API; empty strings are left out and an empty part list becomes {@code ""}.
 */
public final class ChatContent {
    /** How an API names its content parts. */
    public enum Shape {
        /** OpenAI chat (and vision, multimodal, chat_embeddings): {@code text}, {@code image_url: {url}},
         *  {@code input_audio: {data, format}}, {@code video_url: {url}}. */
        CHAT,
        /** OpenAI Responses: {@code input_text}, {@code input_image} with a plain {@code image_url} string, audio as chat. */
        RESPONSES,
        /** Anthropic Messages: {@code text}, {@code image} with a {@code base64} (data URL) or {@code url} source. */
        ANTHROPIC
    }

    private ChatContent() { }

    public static Object user(Turn turn) {
        return of(turn.texts(), turn.media(), Shape.CHAT);
    }

    public static Object of(List<String> texts, MediaParts media) {
        return of(texts, media, Shape.CHAT);
    }

    public static Object of(List<String> texts, MediaParts media, Shape shape) {
        if (texts.size() == 1 && media.isEmpty()) return texts.get(0);
        List<Map<String, Object>> parts = parts(texts, media, shape);
        return parts.isEmpty() ? "" : parts;
    }

    /** The parts alone (the Responses API takes a list even for one text). */
    public static List<Map<String, Object>> parts(List<String> texts, MediaParts media, Shape shape) {
        List<Map<String, Object>> parts = new ArrayList<>(texts.size() + media.images().size() + media.audios().size() + media.videos().size());
        for (String t : texts) {
            if (!t.isEmpty()) parts.add(JsonPayloads.object("type", shape == Shape.RESPONSES ? "input_text" : "text", "text", t));
        }
        for (int i = 0; i < media.images().size(); i++) parts.add(image(media.images().get(i), media.imageUuid(i), shape));
        for (String a : media.audios()) {
            int comma = a.indexOf(',');
            parts.add(JsonPayloads.object("type", "input_audio", "input_audio",
                    JsonPayloads.object("data", a.substring(comma + 1), "format", a.substring(0, comma))));
        }
        for (String url : media.videos()) parts.add(JsonPayloads.object("type", "video_url", "video_url", Map.of("url", url)));
        return parts;
    }

    /** A chat image part carries its vLLM cache id as {@code uuid} (an empty url: the cached image by id alone). */
    private static Map<String, Object> image(String url, String uuid, Shape shape) {
        return switch (shape) {
            case CHAT -> uuid.isEmpty() ? JsonPayloads.object("type", "image_url", "image_url", Map.of("url", url))
                    : JsonPayloads.object("type", "image_url", "image_url", Map.of("url", url), "uuid", uuid);
            case RESPONSES -> JsonPayloads.object("type", "input_image", "image_url", url);
            case ANTHROPIC -> {
                if (!url.startsWith("data:")) yield JsonPayloads.object("type", "image", "source", JsonPayloads.object("type", "url", "url", url));
                int comma = url.indexOf(',');
                String mediaType = url.substring("data:".length(), Math.max("data:".length(), url.indexOf(';')));
                yield JsonPayloads.object("type", "image", "source", JsonPayloads.object("type", "base64",
                        "media_type", mediaType.isEmpty() ? "image/png" : mediaType, "data", url.substring(comma + 1)));
            }
        };
    }
}
