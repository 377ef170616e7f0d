package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * single_turn: one request per JSONL line, each its own session; rows sharing a {@code session_id} are one session
 * (AIPerf's), sent in order, each row self-contained (nothing appended to it). With --uuid-and-strip an image whose
 * uuid an earlier row of the session already sent goes without its content ({@link ImageStripping}).
 */
final class SingleTurnLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        return fromRecords(JsonlRecords.read(path), ctx);
    }

    static List<Conversation> fromRecords(List<SourceRecord> records, LoadContext ctx) {
        List<Turn> turns = IntStream.range(0, records.size()).parallel()
                .mapToObj(i -> SingleTurnParser.parse(records.get(i), ctx, i)).toList();
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String id = records.get(i).string("session_id");
            sessions.computeIfAbsent(id == null || id.isEmpty() ? "row-" + i : id, k -> new ArrayList<>()).add(turns.get(i));
        }
        List<Conversation> out = new ArrayList<>(sessions.size());
        sessions.forEach((id, ts) -> out.add(ts.size() == 1 ? new Conversation(id, ts)
                : new Conversation(id, ctx.uuidAndStrip() ? ImageStripping.strip(ts) : ts, true)));
        return out;
    }
}
