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
 * mooncake_trace: one request per line with {@code timestamp} (ms) or {@code delay} (ms), and the input as
 * {@code input_length} + {@code hash_ids} (shared blocks, default 512 tokens), {@code text_input}, {@code messages}
 * (replayed literally: sent as the body's messages), or {@code input_length} alone (an exact synthetic prompt).
 * {@code output_length} becomes max_tokens, {@code extra} is merged into the body. Rows with the same
 * {@code session_id} form one session in file order; rows without one are sessions of their own.
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
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            String id = r.has("session_id") ? "session-" + r.node().get("session_id").asText() : "row-" + i;
            sessions.computeIfAbsent(id, k -> new ArrayList<>()).add(turns.get(i));
        }
        List<Conversation> out = new ArrayList<>(sessions.size());
        sessions.forEach((id, t) -> out.add(new Conversation(id, t, true)));
        return out;
    }

    static Turn turn(SourceRecord rec, LoadContext ctx, HashBlockPrompts blocks, long index) {
        if (rec.has("timestamp") && rec.has("delay")) throw rec.error("timestamp", "and 'delay' cannot both be set; keep one");
        Long timestamp = rec.number("timestamp");
        Long delay = rec.number("delay");
        if (timestamp != null && timestamp < 0) throw rec.error("timestamp", "must be >= 0 ms, got " + timestamp);
        Integer maxTokens = rec.positiveInt("output_length");
        if (maxTokens == null) maxTokens = ctx.defaultMaxTokens(index);
        Map<String, Object> extra = rec.object("extra");
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
        } else if (rec.has("input_length")) {
            int isl = rec.requiredPositiveInt("input_length");
            texts = List.of(ctx.generator().generate(isl, ctx.seeds().stream("trace.prompt", index)));
        } else {
            throw rec.error("input_length", "is required (or hash_ids, text_input or messages): the record has no input");
        }
        return new Turn(texts, null, maxTokens, ctx.count(texts), timestamp, delay, extra);
    }
}
