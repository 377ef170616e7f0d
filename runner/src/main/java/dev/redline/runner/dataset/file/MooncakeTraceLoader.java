package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * mooncake_trace: one request per line with {@code timestamp} (ms) or {@code delay} (ms), and the input as exactly one
 * of (AIPerf's four modes) {@code input_length} (an exact synthetic prompt; with {@code hash_ids}: shared blocks,
 * default 512 tokens), {@code text_input}, {@code messages} (replayed literally: sent as the body's messages, with
 * {@code tools}) or {@code payload} (a complete request body sent verbatim). {@code output_length} becomes
 * max_tokens, {@code extra} is merged into the body. Rows with the same {@code session_id} form one session in file
 * order (one mode per session: self-contained rows and synthesized prompts do not mix); rows without one are
 * sessions of their own.
 */
final class MooncakeTraceLoader implements DatasetLoader {
    static final int DEFAULT_BLOCK_SIZE = 512;

    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<SourceRecord> read = JsonlRecords.read(path);
        List<SourceRecord> records = ctx.synthesis() == null ? read
                : TraceSynthesis.apply(read, ctx.synthesis(), ctx.blockSize(DEFAULT_BLOCK_SIZE), ctx.seeds());
        HashBlockPrompts blocks = null;
        for (SourceRecord r : records) {
            if (r.has("hash_ids")) {
                blocks = new HashBlockPrompts(ctx.tokenizer(), ctx.generator().corpus(), ctx.seeds(), ctx.blockSize(DEFAULT_BLOCK_SIZE));
                break;
            }
        }
        HashBlockPrompts hb = blocks;
        List<Turn> turns = IntStream.range(0, records.size()).parallel()
                .mapToObj(i -> turn(records.get(i), ctx, hb, i)).toList();
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        Map<String, SourceRecord> firstOfSession = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            String id = r.has("session_id") ? "session-" + r.node().get("session_id").asText() : "row-" + i;
            SourceRecord first = firstOfSession.putIfAbsent(id, r);
            if (first != null && !mode(first).equals(mode(r))) {
                throw r.error(mode(r), "mixes modes in session " + r.node().get("session_id").asText() + " (its first row, "
                        + first.where() + ", uses '" + mode(first) + "'): a session's rows are all messages, all payload, or"
                        + " all synthesized prompts; split the session or convert its rows to one mode");
            }
            sessions.computeIfAbsent(id, k -> new ArrayList<>()).add(turns.get(i));
        }
        List<Conversation> out = new ArrayList<>(sessions.size());
        sessions.forEach((id, t) -> out.add(new Conversation(id, t, true)));
        return out;
    }

    /** AIPerf's input modes: exactly one per row. */
    private static final List<String> MODES = List.of("input_length", "text_input", "messages", "payload");

    /** The row's input mode, as a session groups them: self-contained (messages, payload) or a synthesized prompt. */
    private static String mode(SourceRecord rec) {
        return rec.has("payload") ? "payload" : rec.has("messages") ? "messages" : "input_length";
    }

    /** Refuses a row that AIPerf's Mooncake row model refuses, with its place and the fix; builds nothing. */
    public static void check(SourceRecord rec) {
        List<String> given = MODES.stream().filter(rec::has).toList();
        if (given.isEmpty()) {
            throw rec.error("input_length", "is required (or text_input, messages or payload): the record has no input");
        }
        if (given.size() > 1) {
            throw rec.error(given.get(1), "cannot be combined with '" + given.get(0) + "': input_length, text_input, messages"
                    + " and payload are exclusive; keep one");
        }
        if (rec.has("hash_ids") && !rec.has("input_length")) {
            throw rec.error("hash_ids", "is only allowed with 'input_length' (the blocks make up a prompt of that length)");
        }
        if (rec.has("tools")) {
            if (!rec.has("messages")) throw rec.error("tools", "is only allowed with 'messages'");
            JsonNode tools = rec.node().get("tools");
            if (!tools.isArray() || tools.isEmpty()) throw rec.error("tools", "must be a non-empty list of tool definitions");
        }
        if (rec.has("payload")) {
            JsonNode payload = rec.node().get("payload");
            if (!payload.isObject() || payload.isEmpty()) throw rec.error("payload", "must be a non-empty JSON object (the request body)");
        }
        if (rec.has("messages")) {
            JsonNode messages = rec.node().get("messages");
            if (!messages.isArray() || messages.isEmpty()) throw rec.error("messages", "must be a non-empty list of {role, content} messages");
            for (JsonNode m : messages) {
                if (!m.isObject() || !m.path("role").isTextual()) throw rec.error("messages", "must be messages with a 'role' each, found " + m);
            }
        }
        if (rec.has("text_input")) rec.string("text_input");
        if (rec.has("input_length")) rec.requiredPositiveInt("input_length");
        if (rec.has("hash_ids")) rec.longs("hash_ids");
        rec.positiveInt("output_length");
        rec.object("extra");
        if (rec.has("timestamp") && rec.has("delay")) throw rec.error("timestamp", "and 'delay' cannot both be set; keep one");
        Long timestamp = rec.number("timestamp");
        if (timestamp != null && timestamp < 0) throw rec.error("timestamp", "must be >= 0 ms, got " + timestamp);
        Long delay = rec.number("delay");
        if (delay != null && delay < 0) throw rec.error("delay", "must be >= 0 ms, got " + delay);
    }

    static Turn turn(SourceRecord rec, LoadContext ctx, HashBlockPrompts blocks, long index) {
        check(rec);
        Long timestamp = rec.number("timestamp");
        Long delay = rec.number("delay");
        Integer maxTokens = rec.positiveInt("output_length");
        if (maxTokens == null) maxTokens = ctx.defaultMaxTokens(index);
        Map<String, Object> extra = rec.object("extra");
        if (rec.has("payload")) return payloadTurn(rec, ctx, maxTokens, timestamp, delay, extra);
        List<String> texts;
        if (rec.has("text_input")) {
            texts = List.of(rec.string("text_input"));
        } else if (rec.has("messages")) {
            JsonNode messages = rec.node().get("messages");
            texts = Messages.texts(rec, "messages", messages);
            Map<String, Object> body = new HashMap<>();
            body.put("messages", JsonlRecords.JSON.convertValue(messages, List.class));
            if (rec.has("tools")) body.put("tools", JsonlRecords.JSON.convertValue(rec.node().get("tools"), List.class));
            if (extra != null) body.putAll(extra);
            extra = body;
        } else if (rec.has("hash_ids")) {
            int isl = rec.requiredPositiveInt("input_length");
            texts = List.of(blocks.prompt(rec, isl, rec.longs("hash_ids")));
        } else {
            int isl = rec.requiredPositiveInt("input_length");
            texts = List.of(ctx.generator().generate(isl, ctx.seeds().stream("trace.prompt", index)));
        }
        return new Turn(texts, null, maxTokens, ctx.count(texts), timestamp, delay, extra);
    }

    /** {@code payload}: the body as written, {@code extra} merged over it; its text (messages, prompt or input) is the ISL. */
    private static Turn payloadTurn(SourceRecord rec, LoadContext ctx, Integer maxTokens, Long timestamp, Long delay,
                                    Map<String, Object> extra) {
        JsonNode payload = rec.node().get("payload");
        Map<String, Object> body = new LinkedHashMap<>(JsonlRecords.JSON.convertValue(payload, RawPayloads.MAP));
        if (extra != null) body.putAll(extra);
        List<String> texts = new ArrayList<>();
        if (payload.path("messages").isArray()) Messages.collect(payload.get("messages"), texts);
        for (String field : List.of("prompt", "input")) {
            JsonNode v = payload.get(field);
            if (v != null && v.isTextual()) texts.add(v.asText());
            else if (v != null && v.isArray()) v.forEach(e -> { if (e.isTextual()) texts.add(e.asText()); });
        }
        if (texts.isEmpty()) texts.add(""); // a body without text (e.g. token ids): sent as it is, ISL 0
        return new Turn(texts, null, maxTokens, ctx.count(texts), timestamp, delay, null, dev.redline.runner.dataset.media.MediaParts.NONE, body);
    }
}
