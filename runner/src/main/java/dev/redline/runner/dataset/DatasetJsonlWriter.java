package dev.redline.runner.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes conversations as a dataset file that --input-file reads back into the same requests: single_turn lines when
 * every conversation has one turn, multi_turn lines otherwise. Texts, media (as encoded: data URLs, wav,base64), output lengths, timestamps, delays and extra
 * body fields are kept; the ISL is recounted on reading, which gives the same number for the same tokenizer.
 */
public final class DatasetJsonlWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetJsonlWriter() { }

    /** Writes the file and returns the --custom-dataset-type it has (single_turn or multi_turn). */
    public static String write(List<Conversation> conversations, Path file) throws IOException {
        boolean single = conversations.stream().allMatch(c -> c.turns().size() == 1);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Conversation c : conversations) {
                Map<String, Object> line;
                if (single) {
                    line = turn(c.turns().get(0));
                } else {
                    line = new LinkedHashMap<>();
                    line.put("session_id", c.id());
                    List<Map<String, Object>> turns = new ArrayList<>();
                    for (Turn t : c.turns()) turns.add(turn(t));
                    line.put("turns", turns);
                }
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
        return single ? "single_turn" : "multi_turn";
    }

    private static Map<String, Object> turn(Turn t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.texts().size() == 1) m.put("text", t.texts().get(0));
        else if (!t.texts().isEmpty() || t.media().isEmpty()) m.put("texts", t.texts());
        if (!t.media().images().isEmpty()) m.put("images", t.media().images());
        if (!t.media().audios().isEmpty()) m.put("audios", t.media().audios());
        if (!t.media().videos().isEmpty()) m.put("videos", t.media().videos());
        if (t.maxTokens() != null) m.put("output_length", t.maxTokens());
        if (t.timestampMs() != null) m.put("timestamp", t.timestampMs());
        if (t.delayMs() != null) m.put("delay", t.delayMs());
        if (!t.extra().isEmpty()) m.put("extra", t.extra());
        return m;
    }
}
