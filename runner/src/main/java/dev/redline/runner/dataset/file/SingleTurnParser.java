package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.media.MediaColumns;
import dev.redline.runner.dataset.media.MediaParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses one turn in AIPerf's single_turn shape: {@code text} or {@code texts} (strings, or {@code {name, contents}}
 * objects), media ({@code image(s)}, {@code audio(s)}, {@code video(s)}: paths, URLs or base64, see {@link MediaColumns}),
 * optional {@code timestamp} (ms) or {@code delay} (ms), {@code output_length}, {@code extra}, {@code role} (the message's
 * role; user when absent). A record needs text or media (AIPerf: at least one modality).
 */
final class SingleTurnParser {
    private SingleTurnParser() { }

    /** A record's prompt texts (possibly none) and media (possibly none); at least one of the two. */
    record Content(List<String> texts, MediaParts media) {
        static Content of(SourceRecord rec, LoadContext ctx) {
            MediaParts media = MediaColumns.parse(rec.node(), rec.where(), ctx.mediaFiles());
            return new Content(media.isEmpty() || rec.has("text") || rec.has("texts") ? SingleTurnParser.texts(rec) : List.of(), media);
        }
    }

    static Turn parse(SourceRecord rec, LoadContext ctx, long index) {
        Content content = Content.of(rec, ctx);
        List<String> texts = content.texts();
        MediaParts media = content.media();
        if (rec.has("timestamp") && rec.has("delay")) {
            throw rec.error("timestamp", "and 'delay' cannot both be set; keep one");
        }
        Long timestamp = rec.number("timestamp");
        Long delay = rec.number("delay");
        if (timestamp != null && timestamp < 0) throw rec.error("timestamp", "must be >= 0 ms, got " + timestamp);
        if (delay != null && delay < 0) throw rec.error("delay", "must be >= 0 ms, got " + delay);
        Integer maxTokens = rec.positiveInt("output_length");
        if (maxTokens == null) maxTokens = rec.positiveInt("max_tokens");
        if (maxTokens == null) maxTokens = ctx.defaultMaxTokens(index);
        Map<String, Object> extra = rec.object("extra");
        return new Turn(texts, null, maxTokens, ctx.count(texts), timestamp, delay, extra, media, null, role(rec));
    }

    /** The optional {@code role}: null for user (the default), else as written. */
    static String role(SourceRecord rec) {
        if (!rec.has("role") || rec.node().get("role").isNull()) return null;
        String role = rec.string("role").strip();
        if (role.isEmpty()) throw rec.error("role", "is empty; give the message role (user, assistant, system) or leave it out");
        return role.equals("user") ? null : role;
    }

    static List<String> texts(SourceRecord rec) {
        if (rec.has("text") && rec.has("texts")) throw rec.error("text", "and 'texts' cannot both be set; keep one");
        if (rec.has("text")) {
            String t = rec.string("text");
            if (t.isEmpty()) throw rec.error("text", "is empty; give the prompt text");
            return List.of(t);
        }
        if (!rec.has("texts")) throw rec.error("text", "is required (or 'texts', or media: image, audio, video): each record needs prompt text or media");
        JsonNode arr = rec.node().get("texts");
        if (!arr.isArray() || arr.isEmpty()) throw rec.error("texts", "must be a non-empty list of strings or {name, contents} objects");
        List<String> out = new ArrayList<>();
        for (JsonNode e : arr) {
            if (e.isTextual()) {
                out.add(e.asText());
            } else if (e.isObject() && e.has("contents") && e.get("contents").isArray()) {
                for (JsonNode c : e.get("contents")) {
                    if (!c.isTextual()) throw rec.error("texts", "contents must be strings, found " + c);
                    out.add(c.asText());
                }
            } else {
                throw rec.error("texts", "must hold strings or {name, contents} objects, found " + e);
            }
        }
        if (out.isEmpty()) throw rec.error("texts", "holds no text");
        return out;
    }
}
