package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.DatasetSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What AIPerf applies to every dataset after loading it: the verbatim system prompt (--system-prompt/-file, put
 * before a conversation's own system message with a blank line between) and, with --ignore-trace-delays, a trace
 * without its timestamps and delays.
 */
final class DatasetAdjustments {
    /** AIPerf's separator when a verbatim system prompt meets the dataset's own system message. */
    static final String SYSTEM_JOIN = "\n\n";

    private DatasetAdjustments() { }

    static List<Conversation> apply(List<Conversation> conversations, DatasetSpec ds) {
        String system = systemPrompt(ds);
        boolean strip = ds.isIgnoreTraceDelays();
        if (system == null && !strip) return conversations;
        List<Conversation> out = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            List<Turn> turns = new ArrayList<>(c.turns().size());
            for (int k = 0; k < c.turns().size(); k++) {
                Turn t = c.turns().get(k);
                String sys = t.systemPrompt();
                // a raw payload is sent verbatim: it carries its own system message
                if (k == 0 && system != null && t.rawPayload() == null) sys = sys == null ? system : system + SYSTEM_JOIN + sys;
                turns.add(new Turn(t.texts(), sys, t.maxTokens(), t.inputTokens(), strip ? null : t.timestampMs(),
                        strip ? null : t.delayMs(), t.extra(), t.media(), t.rawPayload(), t.role()));
            }
            out.add(new Conversation(c.id(), turns, c.fullPromptTurns()));
        }
        return out;
    }

    /** The --system-prompt text, or the --system-prompt-file's content (read once, before the run). */
    static String systemPrompt(DatasetSpec ds) {
        if (ds.getSystemPrompt() != null) return ds.getSystemPrompt();
        if (ds.getSystemPromptFile() == null) return null;
        Path file = Path.of(ds.getSystemPromptFile());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isEmpty()) throw new DatasetFormatException("--system-prompt-file: " + file + " is empty; put the system prompt in it");
            return text;
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException("--system-prompt-file: " + file.toAbsolutePath() + " not found; check the path");
        } catch (IOException e) {
            throw new DatasetFormatException("--system-prompt-file: cannot read " + file + " as UTF-8 (" + e.getMessage() + ")");
        }
    }
}
