package dev.redline.runner.dataset.file;

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
 * bailian_trace (Alibaba Bailian): {@code chat_id}, {@code parent_chat_id} (-1 for a root), {@code timestamp} in
 * <b>seconds</b>, {@code input_length}, {@code output_length}, {@code hash_ids} (16-token blocks). Turns are grouped
 * into sessions by their root chat id; each turn is a full prompt built from its hash ids.
 */
final class BailianTraceLoader implements DatasetLoader {
    static final int DEFAULT_BLOCK_SIZE = 16;

    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        List<SourceRecord> records = JsonlRecords.read(path);
        HashBlockPrompts blocks = new HashBlockPrompts(ctx.tokenizer(), ctx.generator().corpus(), ctx.seeds(),
                ctx.blockSize(DEFAULT_BLOCK_SIZE));
        Map<Long, Long> parentOf = new HashMap<>();
        long[] chatIds = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            SourceRecord r = records.get(i);
            Long chat = r.number("chat_id");
            if (chat == null) throw r.error("chat_id", "is required");
            Long parent = r.number("parent_chat_id");
            chatIds[i] = chat;
            parentOf.put(chat, parent == null ? -1L : parent);
        }
        List<Turn> turns = IntStream.range(0, records.size()).parallel().mapToObj(i -> {
            SourceRecord r = records.get(i);
            Double seconds = r.decimal("timestamp");
            if (seconds == null) throw r.error("timestamp", "is required (seconds)");
            int isl = r.requiredPositiveInt("input_length");
            List<Long> hashIds = r.longs("hash_ids");
            String text = hashIds == null || hashIds.isEmpty()
                    ? ctx.generator().generate(isl, ctx.seeds().stream("trace.prompt", i))
                    : blocks.prompt(r, isl, hashIds);
            Integer maxTokens = r.positiveInt("output_length");
            if (maxTokens == null) maxTokens = ctx.defaultMaxTokens(i);
            return new Turn(List.of(text), null, maxTokens, ctx.tokenizer().count(text), Math.round(seconds * 1000), null, null);
        }).toList();
        Map<Long, List<Turn>> sessions = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            sessions.computeIfAbsent(root(chatIds[i], parentOf), k -> new ArrayList<>()).add(turns.get(i));
        }
        List<Conversation> out = new ArrayList<>(sessions.size());
        sessions.forEach((root, t) -> out.add(new Conversation("chat-" + root, t, true)));
        return out;
    }

    /** Follows parent links to the root; a parent not in the file, or a cycle, ends the walk. */
    private static long root(long chat, Map<Long, Long> parentOf) {
        long cur = chat;
        for (int hops = 0; hops < parentOf.size(); hops++) {
            Long parent = parentOf.get(cur);
            if (parent == null || parent < 0 || !parentOf.containsKey(parent)) return cur;
            cur = parent;
        }
        return cur;
    }
}
