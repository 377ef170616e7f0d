package dev.redline.runner.dataset;

import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticPromptGeneratorTest {
    private static final int[] LENGTHS = {1, 2, 7, 100, 550, 3000};

    private static void assertExactLengths(Tokenizer tok) {
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        Random rnd = new Random(7);
        for (int n : LENGTHS) {
            for (int rep = 0; rep < 5; rep++) {
                String text = gen.generate(n, rnd);
                assertEquals(n, tok.encode(text).length, tok.name() + ": prompt of " + n + " tokens re-encoded to another count: " + text);
            }
        }
    }

    @Test
    void everyPromptHasExactlyTheRequestedQwenTokenCount() {
        assertExactLengths(TestTokenizers.qwen());
    }

    @Test
    void everyPromptHasExactlyTheRequestedBuiltinTokenCount() {
        assertExactLengths(new BuiltinTokenizer());
    }

    @Test
    void promptsLongerThanTheCorpusWrapAround() {
        Tokenizer tok = TestTokenizers.qwen();
        Corpus corpus = Corpus.sonnets(tok);
        int n = corpus.size() + 1234;
        String text = new SyntheticPromptGenerator(tok, corpus).generate(n, new Random(3));
        assertEquals(n, tok.encode(text).length);
    }

    @Test
    void textAfterAPrefixMakesTheWholeExact() {
        Tokenizer tok = TestTokenizers.qwen();
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        Random rnd = new Random(11);
        String prefix = gen.generate(64, rnd);
        for (int n : new int[]{1, 5, 200}) {
            String rest = gen.generateAfter(prefix, n, rnd);
            assertEquals(64 + n, tok.encode(prefix + rest).length);
        }
    }

    @Test
    void sameStreamGivesTheSamePromptAndAnotherGivesAnother() {
        Tokenizer tok = TestTokenizers.qwen();
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        assertEquals(gen.generate(300, new Random(42)), gen.generate(300, new Random(42)));
        assertNotEquals(gen.generate(300, new Random(42)), gen.generate(300, new Random(43)));
    }

    @Test
    void corpusIsTheShippedSonnetsTokenizedOnce() {
        Tokenizer tok = TestTokenizers.qwen();
        Corpus corpus = Corpus.sonnets(tok);
        // ~90 KB of English verse: far more than 512 tokens, fewer than one per character
        assertTrue(corpus.size() > 15_000 && corpus.size() < 90_000, "corpus tokens " + corpus.size());
        assertTrue(tok.decode(corpus.window(0, 8)).startsWith("From fairest creatures"));
    }

    @Test
    void prefixSearchFallbackAloneAlsoHitsTheCount() {
        Tokenizer tok = TestTokenizers.qwen();
        Corpus corpus = Corpus.sonnets(tok);
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, corpus);
        Random rnd = new Random(21);
        int hits = 0;
        for (int i = 0; i < 40; i++) {
            int n = 1 + rnd.nextInt(400);
            String text = gen.byPrefixSearch(rnd.nextInt(corpus.size()), n);
            if (text != null) {
                assertEquals(n, tok.encode(text).length);
                hits++;
            }
        }
        assertTrue(hits >= 36, "the fallback should almost always find an exact prefix, found " + hits + "/40");
    }

    @Test
    void rejectsZeroLength() {
        Tokenizer tok = new BuiltinTokenizer();
        SyntheticPromptGenerator gen = new SyntheticPromptGenerator(tok, Corpus.sonnets(tok));
        assertThrows(IllegalArgumentException.class, () -> gen.generate(0, new Random(1)));
    }
}
