package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RangeRatioSpec;

/**
 * AIPerf's --random-range-ratio windows (the vLLM and SGLang random datasets' formulas): each entry's ISL and OSL
 * are drawn uniformly, independently, from integer windows around the configured means. vllm: ISL
 * [floor(m(1-r)), ceil(m(1+r))], OSL the same kept >= 1; sglang: [max(1, int(m r)), m] for both. The ISL mean is
 * the bare prompt (Redline counts no special tokens, as its ISL everywhere).
 */
final class RangeRatio {
    private RangeRatio() { }

    /** The ISL and OSL samplers of {@code prompts}, or null when it has no range ratio. */
    static LengthSampler[] samplers(PromptSpec prompts) {
        RangeRatioSpec r = prompts.getRandomRangeRatio();
        if (r == null) return null;
        boolean sglang = prompts.resolvedRandomCorpusStyle().equals(PromptSpec.STYLE_SGLANG);
        int isl = prompts.getIsl().getMean();
        int osl = prompts.getOsl().getMean();
        return new LengthSampler[] {window(isl, r.getInput(), sglang, false), window(osl, r.getOutput(), sglang, true)};
    }

    static LengthSampler window(int mean, double ratio, boolean sglang, boolean output) {
        if (sglang) return LengthSampler.uniform(Math.max(1, (int) (mean * ratio)), mean);
        int low = (int) Math.floor(mean * (1 - ratio));
        int high = (int) Math.ceil(mean * (1 + ratio));
        return output ? LengthSampler.uniform(Math.max(1, low), Math.max(1, high)) : LengthSampler.uniform(Math.max(0, low), high);
    }
}
