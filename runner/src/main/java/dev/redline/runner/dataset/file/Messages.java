package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Text of an OpenAI {@code messages} array: string contents and {@code {"type": "text"}} parts, in order. */
final class Messages {
    private Messages() { }

    static List<String> texts(SourceRecord rec, String field, JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) throw rec.error(field, "must be a non-empty list of {role, content} messages");
        List<String> out = new ArrayList<>();
        collect(messages, out);
        if (out.isEmpty()) throw rec.error(field, "has no text content");
        return out;
    }

    /** Adds the text of every message's content (a string, or its text parts) to {@code out}. */
    static void collect(JsonNode messages, List<String> out) {
        for (JsonNode m : messages) {
            JsonNode c = m.get("content");
            if (c == null || c.isNull()) continue;
            if (c.isTextual()) {
                out.add(c.asText());
            } else if (c.isArray()) {
                for (JsonNode part : c) {
                    if ("text".equals(part.path("type").asText()) && part.get("text") != null) out.add(part.get("text").asText());
                }
            }
        }
    }
}
