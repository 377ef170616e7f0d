package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.file.LoadContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction-style sets (rows with a prompt column, e.g. InstructCoder's {@code instruction}), as JSONL or a JSON
 * array: each row is a single-turn prompt; max_tokens comes from --osl when set. Reads up to --num-dataset-entries rows.
 */
final class InstructionReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstructionReader() { }

    static List<Conversation> read(Path file, String column, LoadContext ctx) {
        List<JsonNode> rows = rows(file);
        List<Conversation> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && out.size() < ctx.entries(); i++) {
            JsonNode v = rows.get(i).get(column);
            if (v == null || !v.isTextual()) {
                throw new DatasetFormatException(file + ": row " + (i + 1) + " has no text column '" + column + "'");
            }
            String text = v.asText();
            if (text.isBlank()) continue;
            Turn t = new Turn(List.of(text), null, ctx.defaultMaxTokens(i), ctx.tokenizer().count(text), null, null, null);
            out.add(new Conversation("row-" + i, List.of(t)));
        }
        if (out.isEmpty()) throw new DatasetFormatException(file + ": the dataset has no rows with '" + column + "'");
        return out;
    }

    private static List<JsonNode> rows(Path file) {
        try {
            String head;
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                head = r.readLine();
                while (head != null && head.isBlank()) head = r.readLine();
            }
            if (head == null) throw new DatasetFormatException(file + ": the dataset file is empty");
            List<JsonNode> rows = new ArrayList<>();
            if (head.trim().startsWith("[")) {
                JSON.readTree(file.toFile()).forEach(rows::add);
                return rows;
            }
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) continue;
                try {
                    rows.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new DatasetFormatException(file + ":" + n + ": malformed JSON; each line must be one JSON object");
                }
            }
            return rows;
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
