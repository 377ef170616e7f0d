package dev.redline.runner.dataset.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.runner.dataset.DatasetFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSONL file into objects, each tagged with its {@code file:line} for error messages. */
public final class JsonlRecords {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonlRecords() { }

    /** Every non-blank line as a JSON object; a malformed line or an empty file is a {@link DatasetFormatException}. */
    public static List<SourceRecord> read(Path file) {
        List<SourceRecord> out = new ArrayList<>();
        forEach(file, (line, record, problem) -> {
            if (problem != null) throw new DatasetFormatException(file + ":" + line + ": " + problem);
            out.add(record);
            return true;
        });
        if (out.isEmpty()) {
            throw new DatasetFormatException(file + ": the dataset file is empty; add at least one JSON line");
        }
        return out;
    }

    /** What {@link #forEach} hands over per non-blank line: the record, or why the line is not one. */
    public interface LineVisitor {
        /** {@code record} is null when {@code problem} says why the line is not a JSON object; false stops reading. */
        boolean visit(int line, SourceRecord record, String problem);
    }

    /** Visits every non-blank line in order, each parsed on its own (a bad line does not stop the next). */
    public static void forEach(Path file, LineVisitor visitor) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    if (!visitor.visit(n, null, "malformed JSON (" + e.getOriginalMessage() + "); each line must be one JSON object")) return;
                    continue;
                }
                boolean more = node instanceof ObjectNode obj ? visitor.visit(n, new SourceRecord(file + ":" + n, obj), null)
                        : visitor.visit(n, null, "expected a JSON object per line, got " + node.getNodeType().name().toLowerCase());
                if (!more) return;
            }
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first non-blank line parsed as an object, or null when there is none or it does not parse. */
    static ObjectNode firstObject(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                return node instanceof ObjectNode o ? o : null;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
