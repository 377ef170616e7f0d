package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.dataset.file.LoadContext;
import dev.redline.runner.dataset.media.MediaParts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of an instruction/response dataset as requests, the way AIPerf's Hugging Face loaders build them: a prompt
 * column (or a template over the row's columns) is one single-turn request; a column holding a list of user turns is
 * one multi-turn session (MT-Bench), or only its first turn (SpecBench). Rows whose prompt is missing or blank are
 * skipped; the first row must have the column. A set with an image column sends each row's first decodable image
 * with its prompt (a row without one goes as text, as in AIPerf). max_tokens comes from --osl when set. Reading stops after
 * --num-dataset-entries requests.
 */
final class PromptRows {
    /** How a row becomes a request. */
    enum Shape { PROMPT, TURNS, FIRST_TURN }

    private static final Pattern FIELD = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private PromptRows() { }

    static List<Conversation> read(List<Path> files, PublicDataset ds, LoadContext ctx) {
        List<Conversation> out = new ArrayList<>();
        int[] index = {0};
        DatasetRows.forEach(files, row -> {
            int i = index[0]++;
            if (i == 0) checkColumns(row, ds, files);
            List<String> texts = texts(row, ds);
            if (texts.isEmpty()) return true;
            List<Turn> turns = new ArrayList<>(texts.size());
            MediaParts media = ds.imageColumn() == null ? MediaParts.NONE : RowImages.first(row.get(ds.imageColumn()));
            for (String text : texts) {
                turns.add(new Turn(List.of(text), null, ctx.defaultMaxTokens(out.size()), ctx.tokenizer().count(text), null, null, null,
                        turns.isEmpty() ? media : MediaParts.NONE));
            }
            out.add(new Conversation(ds.wireName() + "-" + i, turns));
            return out.size() < ctx.entries();
        });
        if (index[0] == 0) throw new DatasetFormatException(files.get(0) + ": the dataset has no rows");
        if (out.isEmpty()) {
            throw new DatasetFormatException(files.get(0) + ": all " + index[0] + " rows were skipped; no row has a non-empty '" + ds.column + "'");
        }
        return out;
    }

    /** AIPerf checks the first row: a missing column is an error naming the ones there are. */
    private static void checkColumns(JsonNode row, PublicDataset ds, List<Path> files) {
        List<String> needed = ds.template == null ? List.of(ds.column) : templateFields(ds.template);
        for (String c : needed) {
            if (!row.has(c)) {
                List<String> have = new ArrayList<>();
                row.fieldNames().forEachRemaining(have::add);
                throw new DatasetFormatException(files.get(0) + ": column '" + c + "' not found in public dataset '" + ds.wireName()
                        + "' (" + ds.repo + "); its columns are " + have + "; give a copy of the " + ds.split + " split");
            }
        }
    }

    private static List<String> texts(JsonNode row, PublicDataset ds) {
        JsonNode v = row.get(ds.column);
        switch (ds.shape) {
            case PROMPT: {
                String prompt = ds.template != null ? format(ds.template, row) : (v == null || v.isNull() ? null : str(v));
                return prompt == null || prompt.isBlank() ? List.of() : List.of(prompt);
            }
            case FIRST_TURN: {
                if (v == null || !v.isArray() || v.isEmpty()) return List.of();
                String first = v.get(0).isNull() ? "" : str(v.get(0)).strip();
                return first.isEmpty() ? List.of() : List.of(first);
            }
            default: {
                if (v == null || !v.isArray()) return List.of();
                List<String> turns = new ArrayList<>();
                for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
                    JsonNode t = it.next();
                    String text = t.isNull() ? "" : str(t).strip();
                    if (!text.isEmpty()) turns.add(text);
                }
                return turns;
            }
        }
    }

    private static String str(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** Python's {@code str.format(**row)} for plain {@code {name}} fields (and {@code {{ }}} escapes). */
    static String format(String template, JsonNode row) {
        Matcher m = FIELD.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String rep = m.group(1) == null ? m.group().substring(1) : row.has(m.group(1)) ? str(row.get(m.group(1))) : "";
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        return m.appendTail(sb).toString();
    }

    static List<String> templateFields(String template) {
        List<String> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) if (m.group(1) != null && !fields.contains(m.group(1))) fields.add(m.group(1));
        return fields;
    }
}
