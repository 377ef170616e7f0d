package dev.redline.runner.dataset;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --shared-system-prompt-length, --user-context-prompt-length and --session-turns-mean on synthetic data. */
class ContextPromptsTest {
    private final Tokenizer tok = new BuiltinTokenizer();

    @Test
    void sharedSystemPromptAndUniqueUserContextWithExactLengths() {
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                dataset: {entries: 6, prompts: {isl: 20}}
                sessions: {turnsMean: 3, sharedSystemPromptLength: 40, userContextPromptLength: 25}
                random_seed: 3
                """, "t.yaml");
        List<Conversation> conversations = DatasetFactory.build(spec, tok).conversations();
        assertEquals(6, conversations.size());
        Set<String> systems = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        for (Conversation c : conversations) {
            assertEquals(3, c.turns().size(), "turns per session");
            Turn first = c.turns().get(0);
            systems.add(first.systemPrompt());
            assertEquals(40, tok.count(first.systemPrompt()), "shared system prompt length");
            String text = String.join("", first.texts());
            contexts.add(text.substring(0, 60));
            assertEquals(tok.count(text), first.inputTokens(), "ISL is the recount of the first turn with its context");
            for (int k = 1; k < 3; k++) {
                assertNull(c.turns().get(k).systemPrompt(), "the system prompt is sent once, at the head of the history");
                assertEquals(20, c.turns().get(k).inputTokens());
            }
        }
        assertEquals(1, systems.size(), "one system prompt for every session");
        assertEquals(6, contexts.size(), "a different user context per entry");
    }

    @Test
    void userContextIsPrependedWithItsExactLength() {
        var sessions = new dev.redline.api.v1alpha1.SessionsSpec();
        sessions.setUserContextPromptLength(25);
        List<Conversation> in = List.of(new Conversation("a", List.of(Turn.ofText("QUESTION", 1, null))),
                new Conversation("b", List.of(Turn.ofText("QUESTION", 1, null))));
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        List<Conversation> out = ContextPrompts.apply(in, sessions, gen, new SeedStreams(9));
        Set<String> contexts = new HashSet<>();
        for (Conversation c : out) {
            String text = c.turns().get(0).texts().get(0);
            String ctx = text.substring(0, text.length() - "\nQUESTION".length());
            assertEquals(25, tok.count(ctx));
            assertEquals(tok.count(text), c.turns().get(0).inputTokens());
            assertNull(c.turns().get(0).systemPrompt());
            contexts.add(ctx);
        }
        assertEquals(2, contexts.size());
    }

    /** Contexts are built in parallel; each entry's comes from its own seed stream, so the dataset is the same every time. */
    @Test
    void theSameSeedGivesTheSameContextsWhateverTheThreads() {
        var sessions = new dev.redline.api.v1alpha1.SessionsSpec();
        sessions.setUserContextPromptLength(30);
        List<Conversation> in = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> new Conversation("s" + i, List.of(Turn.ofText("Q" + i, 1, null)))).toList();
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        List<String> first = ContextPrompts.apply(in, sessions, gen, new SeedStreams(5)).stream().map(c -> c.turns().get(0).texts().get(0)).toList();
        List<String> again = ContextPrompts.apply(in, sessions, gen, new SeedStreams(5)).stream().map(c -> c.turns().get(0).texts().get(0)).toList();
        assertEquals(first, again);
        for (int i = 0; i < 64; i++) assertTrue(first.get(i).endsWith("\nQ" + i), "entry " + i + " keeps its place");
    }
}
