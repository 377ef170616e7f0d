package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads back a run's profile_export.jsonl in tests. */
final class ExportedRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedRecords() { }

    /** Each record's value of metric {@code tag} (e.g. input_sequence_length), in file order. */
    static List<Integer> metric(Path artifacts, String tag) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            out.add(JSON.readTree(line).path("metrics").path(tag).path("value").asInt());
        }
        return out;
    }
}
