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
        if (ctx.endpointSendsSystem() && hoistable((ObjectNode) turns.get(0), out)) {
            // AIPerf: a leading text-only system turn is the conversation's system prompt, sent at the head of every
            // turn's history, not a user-less request of its own that would skew per-turn metrics
            Turn system = out.remove(0);
            Turn first = out.get(0);
            out.set(0, new Turn(first.texts(), String.join("\n", system.texts()), first.maxTokens(), first.inputTokens(), first.timestampMs(),
                    first.delayMs(), first.extra(), first.media(), first.rawPayload(), first.role()));
        }
        return new Conversation(id, out);
    }

    /**
     * As AIPerf: only a leading {@code role: system} turn with text alone and no timestamp, delay, output length or
     * extra (a system prompt has no turn to carry those), with a following turn that is not a system turn too.
     */
    private static boolean hoistable(ObjectNode raw, List<Turn> turns) {
        Turn t = turns.get(0);
        if (!"system".equals(t.role()) || turns.size() < 2 || "system".equals(turns.get(1).role())) return false;
        for (String field : List.of("timestamp", "delay", "output_length", "max_tokens", "extra")) if (raw.has(field)) return false;
        return t.media().isEmpty() && !t.texts().isEmpty();
    }
}
