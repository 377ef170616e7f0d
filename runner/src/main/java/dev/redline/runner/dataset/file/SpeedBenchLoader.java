package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SPEED-Bench (nvidia/SPEED-Bench, as AIPerf's speed_bench_* loaders): one JSONL row per prompt,
 * {@code {"question_id": 32 chars, "category": ..., "messages": [{"role", "content"}, ...]}}. One session per
 * question_id (rows sharing one are joined, in file order), one turn per message in the message's role, sent as a
 * multi-turn conversation (each turn after the live history).
 * Rows of other categories are skipped when the type names a category. One class for every split and category:
 * the type carries both.
 */
final class SpeedBenchLoader implements DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SpeedBenchLoader.class);
    /** What the published file holds in place of the prompts until specdec_bench fetches them (AIPerf refuses it too). */
    static final String PLACEHOLDER = "FULL BENCHMARK DATA SHOULD BE FETCHED FROM THE SOURCE USING SPECDEC_BENCH";
    static final int QUESTION_ID_LENGTH = 32;

    private final CustomDatasetType type;

    SpeedBenchLoader(CustomDatasetType type) {
        this.type = type;
    }

    @Override
    public List<Conversation> load(Path path, LoadContext ctx) {
        warnOnAnotherSplit(path);
        String category = type.speedBenchCategory();
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        long index = 0;
        for (SourceRecord rec : JsonlRecords.read(path)) {
            Row row = Row.of(rec);
            seen.add(row.category());
            if (category != null && !category.equals(row.category())) continue;
            List<Turn> turns = sessions.computeIfAbsent(row.questionId(), k -> new ArrayList<>());
            for (Message m : row.messages()) {
                List<String> text = List.of(m.content());
                // every message is its own turn in its own role, a leading system message too: AIPerf does not hoist
                // SPEED-Bench's system messages into a session prompt, as they are part of the fixed benchmark
                turns.add(new Turn(text, null, ctx.defaultMaxTokens(index++), ctx.count(text), null, null, Map.of(), null, null,
                        m.role().equals("user") ? null : m.role()));
            }
        }
        if (sessions.isEmpty()) {
            // AIPerf only warns here and then has nothing to send; an empty run is always a wrong file or type
            throw new DatasetFormatException(path + ": no row has category '" + category + "' (--custom-dataset-type "
                    + type.wireName() + "); the file's categories are " + seen + "; use the type of one of them or the "
                    + type.speedBenchSplit() + " file");
        }
        List<Conversation> out = new ArrayList<>(sessions.size());
        sessions.forEach((id, turns) -> out.add(new Conversation(id, turns)));
        return out;
    }

    /**
     * AIPerf reads any file name under an explicit type (the split name only steers its auto-detection), so Redline
     * does too; the file of another split, though, is most likely a mistake worth a line in the log.
     */
    private void warnOnAnotherSplit(Path path) {
        String name = path.getFileName().toString();
        if (name.equals(type.speedBenchSplit())) return;
        for (CustomDatasetType t : CustomDatasetType.values()) {
            if (name.equals(t.speedBenchSplit())) {
                LOG.warn("{}: --custom-dataset-type {} is for the {} split, but this is the {} file; check the type or the file",
                        path, type.wireName(), type.speedBenchSplit(), name);
                return;
            }
        }
    }

    /** One message of a row, sent as a turn of its role. */
    record Message(String role, String content) { }

    /** One validated row: AIPerf's SpeedBenchRow rules, each broken one named by field. */
    record Row(String questionId, String category, List<Message> messages) {
        static Row of(SourceRecord rec) {
            String id = required(rec, "question_id");
            if (id.length() != QUESTION_ID_LENGTH) {
                throw rec.error("question_id", "must be " + QUESTION_ID_LENGTH + " characters (SPEED-Bench's ids), got " + id.length());
            }
            String category = required(rec, "category");
            JsonNode list = rec.node().get("messages");
            if (list == null || list.isNull()) throw rec.error("messages", "is required: a list of {\"role\", \"content\"} messages");
            if (!list.isArray() || list.isEmpty()) throw rec.error("messages", "must be a non-empty list of {\"role\", \"content\"} messages");
            List<Message> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                JsonNode m = list.get(i);
                String field = "messages[" + i + "]";
                if (!m.isObject()) throw rec.error(field, "must be an object with 'role' and 'content'");
                String role = text(rec, m, field + ".role");
                String content = text(rec, m, field + ".content");
                if (content.equals(PLACEHOLDER)) {
                    throw rec.error(field + ".content", "is SPEED-Bench's placeholder, not a prompt; fetch the full data with "
                            + "specdec_bench's dataset preparation and point --input-file at its output");
                }
                out.add(new Message(role, content));
            }
            return new Row(id, category, out);
        }

        private static String required(SourceRecord rec, String field) {
            if (!rec.has(field)) throw rec.error(field, "is required (SPEED-Bench rows: question_id, category, messages)");
            String v = rec.string(field);
            if (v.isBlank()) throw rec.error(field, "is empty");
            return v;
        }

        private static String text(SourceRecord rec, JsonNode message, String field) {
            JsonNode v = message.get(field.substring(field.lastIndexOf('.') + 1));
            if (v == null || v.isNull()) throw rec.error(field, "is required");
            if (!v.isTextual()) throw rec.error(field, "must be a string, got " + SourceRecord.type(v));
            if (v.asText().isBlank()) throw rec.error(field, "is empty");
            return v.asText();
        }
    }
}
