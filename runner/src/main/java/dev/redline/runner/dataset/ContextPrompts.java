package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.SessionsSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * KV-cache benchmarking prompt layout (AIPerf §3.5): one shared system prompt identical for every
 * session ({@code --shared-system-prompt-length}) and a context prompt unique to each dataset entry
 * ({@code --user-context-prompt-length}) prepended to its first turn. ISL counts the user context (it is
 * part of the turn's text) but not the system prompt, which is a separate message.
 */
final class ContextPrompts {
    private ContextPrompts() { }

    static boolean wanted(SessionsSpec spec) {
        return spec != null && (spec.getSharedSystemPromptLength() != null || spec.getUserContextPromptLength() != null);
    }

    static List<Conversation> apply(List<Conversation> conversations, SessionsSpec spec,
                                    SyntheticPromptGenerator generator, SeedStreams seeds) {
        Integer systemLength = spec.getSharedSystemPromptLength();
        Integer contextLength = spec.getUserContextPromptLength();
        String system = systemLength == null ? null : generator.generate(systemLength, seeds.stream("shared-system", 0));
        // in parallel, each entry from its own seed stream (as SyntheticDatasetBuilder): a 20 000-token context takes
        // ~0.3 s to fit exactly, and AIPerf's KV-cache recipes ask for a thousand of them
        return java.util.stream.IntStream.range(0, conversations.size()).parallel().mapToObj(i -> {
            Conversation c = conversations.get(i);
            String context = contextLength == null ? null : generator.generate(contextLength, seeds.stream("user-context", i));
            List<Turn> turns = new ArrayList<>(c.turns().size());
            for (int k = 0; k < c.turns().size(); k++) {
                Turn t = c.turns().get(k);
                boolean first = k == 0;
                List<String> texts = t.texts();
                int isl = t.inputTokens();
                if (first && context != null) {
                    texts = new ArrayList<>(t.texts());
                    texts.set(0, context + "\n" + texts.get(0));
                    isl = generator.tokenizer().count(String.join("", texts));
                }
                turns.add(new Turn(texts, first && system != null ? system : t.systemPrompt(), t.maxTokens(), isl,
                        t.timestampMs(), t.delayMs(), t.extra(), t.media(), null, t.role()));
            }
            return new Conversation(c.id(), turns, c.fullPromptTurns());
        }).toList();
    }
}
