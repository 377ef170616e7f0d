package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.runner.tokenizer.BuiltinTokenizer;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFactoryTest {
    private static BenchmarkSpec spec(long seed, int entries, LengthSpec isl, LengthSpec osl) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(seed);
        spec.dataset().setEntries(entries);
        PromptSpec p = new PromptSpec();
        p.setIsl(isl);
        p.setOsl(osl);
        spec.dataset().setPrompts(p);
        return spec;
    }

    private static List<String> texts(Dataset d) {
        return d.conversations().stream().map(c -> c.turns().get(0).texts().get(0)).toList();
    }

    @Test
    void defaultsAreOneHundredPromptsOf550TokensWithoutOutputLimit() {
        Tokenizer tok = new BuiltinTokenizer();
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(1L);
        Dataset d = DatasetFactory.build(spec, tok);
        assertEquals(100, d.conversations().size());
        for (Conversation c : d.conversations()) {
            Turn t = c.turns().get(0);
            assertEquals(550, t.inputTokens());
            assertEquals(550, tok.encode(t.texts().get(0)).length);
            assertNull(t.maxTokens());
        }
        assertEquals(SamplingStrategy.SHUFFLE, ((SampledDataset) d).strategy());
    }

    @Test
    void withStddevEveryPromptReencodesToItsInputTokens() {
        Tokenizer tok = TestTokenizers.qwen();
        Dataset d = DatasetFactory.build(spec(5, 60, new LengthSpec(200, 80.0), new LengthSpec(100, 30.0)), tok);
        Set<Integer> lengths = new HashSet<>();
        for (Conversation c : d.conversations()) {
            Turn t = c.turns().get(0);
            assertEquals(t.inputTokens(), tok.encode(t.texts().get(0)).length);
            assertTrue(t.maxTokens() != null && t.maxTokens() >= 1);
            lengths.add(t.inputTokens());
        }
        assertTrue(lengths.size() > 20, "lengths should vary with stddev 80: " + lengths);
    }

    @Test
    void sameSeedGivesIdenticalPromptsAndAnotherSeedDifferentOnes() {
        Tokenizer tok = TestTokenizers.qwen();
        List<String> a = texts(DatasetFactory.build(spec(42, 30, new LengthSpec(120, 20.0), null), tok));
        List<String> b = texts(DatasetFactory.build(spec(42, 30, new LengthSpec(120, 20.0), null), tok));
        List<String> c = texts(DatasetFactory.build(spec(43, 30, new LengthSpec(120, 20.0), null), tok));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(30, new HashSet<>(a).size(), "entries should be distinct");
    }

    @Test
    void settingAnOutputLengthDoesNotChangeThePrompts() {
        Tokenizer tok = new BuiltinTokenizer();
        List<String> without = texts(DatasetFactory.build(spec(9, 10, new LengthSpec(50, 5.0), null), tok));
        List<String> with = texts(DatasetFactory.build(spec(9, 10, new LengthSpec(50, 5.0), new LengthSpec(64, 0.0)), tok));
        assertEquals(without, with);
    }

    @Test
    void promptsAbove512TokensAreNotTruncated() {
        Tokenizer tok = TestTokenizers.qwen();
        Dataset d = DatasetFactory.build(spec(3, 3, new LengthSpec(2048, null), null), tok);
        for (Conversation c : d.conversations()) {
            assertEquals(2048, tok.encode(c.turns().get(0).texts().get(0)).length);
        }
    }

    @Test
    void prefixPromptsAreSharedAndCountedInTheIsl() {
        Tokenizer tok = TestTokenizers.qwen();
        BenchmarkSpec spec = spec(8, 24, new LengthSpec(30, 6.0), null);
        spec.getDataset().getPrompts().setPrefixPromptCount(3);
        spec.getDataset().getPrompts().setPrefixPromptLength(40);
        Dataset d = DatasetFactory.build(spec, tok);
        Set<String> heads = new HashSet<>();
        for (Conversation c : d.conversations()) {
            Turn t = c.turns().get(0);
            int[] ids = tok.encode(t.texts().get(0));
            assertEquals(t.inputTokens(), ids.length);
            assertTrue(t.inputTokens() >= 41, "prefix of 40 plus at least one token");
            heads.add(tok.decode(java.util.Arrays.copyOf(ids, 35)));
        }
        assertTrue(heads.size() > 1 && heads.size() <= 3, "entries start with one of 3 prefixes: " + heads.size());
    }

    @Test
    void textBatchesHoldSeveralExactTexts() {
        Tokenizer tok = new BuiltinTokenizer();
        BenchmarkSpec spec = spec(2, 5, new LengthSpec(20, 5.0), null);
        spec.getDataset().getPrompts().setBatchSize(3);
        for (Conversation c : DatasetFactory.build(spec, tok).conversations()) {
            Turn t = c.turns().get(0);
            assertEquals(3, t.texts().size());
            assertEquals(t.texts().stream().mapToInt(tok::count).sum(), t.inputTokens());
        }
    }

    @Test
    void rankingsEntriesAreAQueryAndDrawnPassagesOfExactLengths() {
        Tokenizer tok = new BuiltinTokenizer();
        BenchmarkSpec spec = spec(4, 400, null, null);
        spec.endpoint().setType(dev.redline.api.v1alpha1.EndpointType.COHERE_RANKINGS);
        spec.dataset().rankings().setPassages(new LengthSpec(5, 2.0));
        spec.dataset().rankings().setPassageTokens(new LengthSpec(12, 0.0));
        spec.dataset().rankings().setQueryTokens(new LengthSpec(7, 0.0));
        org.apache.commons.math3.stat.descriptive.SummaryStatistics passages = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (Conversation c : DatasetFactory.build(spec, tok).conversations()) {
            Turn t = c.turns().get(0);
            assertEquals(7, tok.count(t.texts().get(0)), "the query has exactly its length");
            for (String p : t.texts().subList(1, t.texts().size())) assertEquals(12, tok.count(p), "each passage has exactly its length");
            assertEquals(7 + 12 * (t.texts().size() - 1), t.inputTokens());
            passages.addValue(t.texts().size() - 1);
        }
        assertTrue(passages.getMin() >= 1, "at least one passage");
        // ceil(Normal(5, 2)) redrawn below 1: mean about 5.5, sd about 2
        assertEquals(5.5, passages.getMean(), 0.35);
        assertEquals(2.0, passages.getStandardDeviation(), 0.3);
    }

    @Test
    void rankingsDefaultToOnePassageOf550TokensAndA550TokenQuery() {
        Tokenizer tok = new BuiltinTokenizer();
        BenchmarkSpec spec = spec(1, 3, null, null);
        spec.endpoint().setType(dev.redline.api.v1alpha1.EndpointType.HF_TEI_RANKINGS);
        for (Conversation c : DatasetFactory.build(spec, tok).conversations()) {
            assertEquals(2, c.turns().get(0).texts().size());
            assertEquals(1100, c.turns().get(0).inputTokens());
        }
    }
}
