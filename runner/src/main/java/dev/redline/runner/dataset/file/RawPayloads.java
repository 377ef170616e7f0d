package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/**
 * One verbatim request body as a turn (AIPerf's raw_payload and inputs_json datasets): the body is sent as it is,
 * its {@code messages}' text is counted for ISL, and its {@code max_completion_tokens} / {@code max_tokens} is the
 * turn's requested output length. A body without a {@code messages} list is refused with its place.
 */
final class RawPayloads {
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private RawPayloads() { }

    static Turn turn(SourceRecord rec, LoadContext ctx) {
        JsonNode messages = rec.node().get("messages");
        if (messages == null || !messages.isArray()) {
            throw rec.error("messages", "is required: a raw payload is a complete chat request body with a 'messages' list");
        }
        List<String> texts = Messages.texts(rec, "messages", messages);
        Integer maxTokens = rec.positiveInt("max_completion_tokens");
        if (maxTokens == null) maxTokens = rec.positiveInt("max_tokens");
        Map<String, Object> body = JsonlRecords.JSON.convertValue(rec.node(), MAP);
        return new Turn(texts, null, maxTokens, ctx.count(texts), null, null, null, null, body);
    }
}
