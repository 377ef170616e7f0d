package dev.redline.api.validate;

import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RangeRatioSpec;

/** AIPerf's random_range_ratio and random_corpus_style: the style, the ratios' ranges, and fixed isl/osl means. */
final class RangeRatioRules {
    private static final String AT = "dataset.prompts.randomRangeRatio";

    private RangeRatioRules() { }

    static void check(PromptSpec p, Violations out) {
        String style = p.resolvedRandomCorpusStyle();
        boolean sglang = style.equals(PromptSpec.STYLE_SGLANG);
        if (!style.equals(PromptSpec.STYLE_VLLM) && !sglang) {
            out.add("dataset.prompts.randomCorpusStyle", "unknown style '" + p.getRandomCorpusStyle()
                    + "'; use vllm or sglang (CLI: --random-corpus-style)");
            return;
        }
        RangeRatioSpec r = p.getRandomRangeRatio();
        if (r == null) return;
        if (p.getSequenceDistribution() != null) {
            out.add(AT, "random_range_ratio cannot be combined with sequence_distribution; use one or the other (CLI: --random-range-ratio vs --seq-dist)");
        }
        fixedMean(p.getIsl(), "isl", out);
        fixedMean(p.getOsl(), "osl", out);
        ratio(r.getInput(), AT + ".input", sglang, out);
        ratio(r.getOutput(), AT + ".output", sglang, out);
        if (sglang && r.getInput() != null && !r.getInput().equals(r.getOutput())) {
            out.add(AT, "the sglang style applies one ratio to both ISL and OSL, got input " + r.getInput() + " and output "
                    + r.getOutput() + "; give a single number");
        }
    }

    private static void ratio(Double v, String at, boolean sglang, Violations out) {
        if (v == null) {
            out.add(at, "missing; give a number, e.g. --random-range-ratio 0.3");
        } else if (!Double.isFinite(v) || v < 0 || (sglang ? v > 1 : v >= 1)) {
            out.add(at, "must be in " + (sglang ? "[0, 1] for the sglang style" : "[0, 1) for the vllm style") + ", got " + v);
        }
    }

    /** AIPerf: the window is around an explicit mean of at least 1, and it replaces any spread. */
    private static void fixedMean(LengthSpec l, String name, Violations out) {
        String at = "dataset.prompts." + name;
        if (l == null || l.getMean() == null) {
            out.add(at, "--random-range-ratio requires --" + name + " to be set explicitly; there is no safe default when a ratio window is requested");
            return;
        }
        if (l.getMean() < 1) out.add(at, "--random-range-ratio requires --" + name + " >= 1, got " + l.getMean());
        if (l.getStddev() != null && l.getStddev() != 0) {
            out.add(at + ".stddev", "--" + name + "-stddev cannot be combined with --random-range-ratio; the ratio window already controls "
                    + name.toUpperCase(java.util.Locale.ROOT) + " variance");
        }
        if (l.getMedian() != null || l.getPeaks() != null || l.getPoints() != null) {
            out.add(at, "--random-range-ratio draws around a fixed " + name + " mean; remove its median, peaks or points");
        }
    }
}
