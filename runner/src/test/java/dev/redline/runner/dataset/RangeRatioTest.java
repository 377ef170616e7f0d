package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RangeRatioSpec;
import dev.redline.runner.tokenizer.TestTokenizers;
import dev.redline.runner.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.IntSummaryStatistics;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's --random-range-ratio over the real tokenizer: every synthetic prompt re-encodes to its drawn ISL, and the
 * ISLs and OSLs fill AIPerf's integer windows (vllm and sglang formulas) uniformly, reproducibly per seed.
 */
class RangeRatioTest {
    private static final Tokenizer TOK = TestTokenizers.qwen();

    private static List<Turn> turns(long seed, String style, double in, double out) {
        BenchmarkSpec spec = new BenchmarkSpec();
        spec.setRandomSeed(seed);
        spec.dataset().setEntries(400);
        PromptSpec p = new PromptSpec();
        p.setIsl(new LengthSpec(100, null));
        p.setOsl(new LengthSpec(40, null));
        p.setRandomRangeRatio(new RangeRatioSpec(in, out));
        p.setRandomCorpusStyle(style);
        spec.dataset().setPrompts(p);
        return DatasetFactory.build(spec, TOK).conversations().stream().map(c -> c.turns().get(0)).toList();
    }

    private static void assertUniformOver(IntSummaryStatistics s, int low, int high, String what) {
        assertEquals(low, s.getMin(), what + " reaches the window's low end");
        assertEquals(high, s.getMax(), what + " reaches the window's high end");
        assertEquals((low + high) / 2.0, s.getAverage(), (high - low) * 0.08, what + " is centred: uniform");
    }

    @Test
    void vllmWindowsAreSymmetricAroundTheMeansAndPerDimension() {
        List<Turn> turns = turns(7, null, 0.5, 0.25);
        for (Turn t : turns) assertEquals(t.inputTokens(), TOK.encode(t.texts().get(0)).length, "each prompt hits its drawn ISL");
        assertUniformOver(turns.stream().mapToInt(Turn::inputTokens).summaryStatistics(), 50, 150, "ISL");
        assertUniformOver(turns.stream().mapToInt(Turn::maxTokens).summaryStatistics(), 30, 50, "OSL");
        assertEquals(turns.stream().map(Turn::texts).toList(), turns(7, "vllm", 0.5, 0.25).stream().map(Turn::texts).toList(),
                "same seed, same prompts (vllm is the default style)");
        assertTrue(!turns.get(0).texts().equals(turns(8, null, 0.5, 0.25).get(0).texts()), "another seed, other prompts");
    }

    @Test
    void sglangWindowsAreBoundedByTheMean() {
        List<Turn> turns = turns(3, "sglang", 0.2, 0.2);
        assertUniformOver(turns.stream().mapToInt(Turn::inputTokens).summaryStatistics(), 20, 100, "ISL");
        assertUniformOver(turns.stream().mapToInt(Turn::maxTokens).summaryStatistics(), 8, 40, "OSL");
        List<Turn> pinned = turns(3, "sglang", 1.0, 1.0);
        assertTrue(pinned.stream().allMatch(t -> t.inputTokens() == 100 && t.maxTokens() == 40), "ratio 1 pins both at the mean");
    }

    @Test
    void windowEdgesFollowAiperfsRounding() {
        assertEquals(List.of(0, 2), bounds(RangeRatio.window(1, 0.9, false, false)), "vllm ISL: floor(0.1)=0, ceil(1.9)=2");
        assertEquals(List.of(1, 2), bounds(RangeRatio.window(1, 0.9, false, true)), "vllm OSL kept >= 1");
        assertEquals(List.of(1, 7), bounds(RangeRatio.window(7, 0.1, true, false)), "sglang: max(1, int(0.7))");
    }

    private static List<Integer> bounds(LengthSampler s) {
        java.util.Random r = new java.util.Random(1);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            int v = (int) s.draw(r);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return List.of(min, max);
    }
}
