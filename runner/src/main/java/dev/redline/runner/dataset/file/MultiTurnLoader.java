package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** multi_turn: one session per JSONL line, {@code {"session_id": ..., "turns": [single_turn objects]}}. */
final class MultiTurnLoader implements DatasetLoader {
    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        if (ctx.uuidAndStrip()) {
            throw new DatasetFormatException(path + ": --uuid-and-strip supports single_turn datasets with session_id-grouped rows, "
                    + "not multi_turn (as AIPerf); remove --uuid-and-strip or write the turns as single_turn rows");
        }
        List<SourceRecord> records = JsonlRecords.read(path);
        return IntStream.range(0, records.size()).parallel().mapToObj(i -> session(records.get(i), ctx, i)).toList();
    }

    private static Conversation session(SourceRecord rec, LoadContext ctx, int index) {
        JsonNode turns = rec.node().get("turns");
        if (turns == null || turns.isNull()) throw rec.error("turns", "is required: a list of turns ({\"text\": ...})");
        if (!turns.isArray() || turns.isEmpty()) throw rec.error("turns", "must be a non-empty list of turn objects");
        String id = rec.has("session_id") ? rec.node().get("session_id").asText() : "session-" + index;
        List<Turn> out = new ArrayList<>(turns.size());
        for (int j = 0; j < turns.size(); j++) {
            JsonNode t = turns.get(j);
            if (!(t instanceof ObjectNode obj)) throw rec.error("turns[" + j + "]", "must be an object");
            out.add(SingleTurnParser.parse(new SourceRecord(rec.where() + " turns[" + j + "]", obj), ctx, (long) index * 1000 + j));
        }
        return new Conversation(id, out);
    }
}
