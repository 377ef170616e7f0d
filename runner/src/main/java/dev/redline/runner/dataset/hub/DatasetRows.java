package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.file.JsonlRecords;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rows of a dataset's files, in order: Parquet shards, a JSON array or JSONL (one object per line), so the hub's
 * Parquet, Redline's rows-API copy and a user's JSON export of the same split read alike. Streamed: reading stops
 * as soon as the sink has enough.
 */
final class DatasetRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetRows() { }

    /** Feeds each row of {@code files} to {@code sink} until it returns false. */
    static void forEach(List<Path> files, Predicate<JsonNode> sink) {
        for (Path file : files) {
            if (!forEach(file, sink)) return;
        }
    }

    private static boolean forEach(Path file, Predicate<JsonNode> sink) {
        boolean[] more = {true};
        Predicate<JsonNode> counting = row -> more[0] = sink.test(row);
        try {
            if (ParquetRows.isParquet(file)) {
                ParquetRows.forEach(file, counting);
            } else if (firstChar(file) == '[') {
                try (JsonParser p = JSON.createParser(file.toFile())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT && counting.test(p.readValueAsTree())) { }
                }
            } else {
                jsonLines(file, counting);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFormatException d) throw d;
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DatasetFormatException(file + ": cannot read the dataset (" + why + "); give Parquet, a JSON array or JSONL rows", e);
        }
        return more[0];
    }

    private static void jsonLines(Path file, Predicate<JsonNode> sink) {
        JsonlRecords.forEach(file, (line, record, problem) -> {
            if (problem != null) throw new DatasetFormatException(file + ":" + line + ": " + problem);
            return sink.test(record.node());
        });
    }

    private static int firstChar(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c;
            while ((c = r.read()) != -1 && Character.isWhitespace(c)) { }
            if (c == -1) throw new DatasetFormatException(file + ": the dataset file is empty");
            return c;
        }
    }
}
