package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;

import java.util.List;
import java.util.Locale;

/** Dataset source and synthetic prompt lengths. */
final class DatasetRules implements ValidationRule {
    static final List<String> SAMPLING = List.of("sequential", "random", "shuffle");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        DatasetSpec ds = spec.getDataset();
        if (ds == null) return;
        out.atLeast("dataset.entries", ds.getEntries(), 1);
        oneOf("dataset.samplingStrategy", ds.getSamplingStrategy(), SAMPLING, "--dataset-sampling-strategy", out);
        PromptSpec p = ds.getPrompts();
        if (p == null) return;
        length("dataset.prompts.isl", p.getIsl(), "--isl", out);
        length("dataset.prompts.osl", p.getOsl(), "--osl", out);
        out.atLeast("dataset.prompts.batchSize", p.getBatchSize(), 1);
        out.atLeast("dataset.prompts.blockSize", p.getBlockSize(), 1);
    }

    private static void length(String path, LengthSpec len, String meanFlag, Violations out) {
        if (len == null) return;
        if (len.getMean() == null && len.getStddev() != null) {
            out.add(path + ".stddev", "a standard deviation needs a mean; set " + path + ".mean too (CLI: " + meanFlag + ")");
            return;
        }
        out.atLeast(path + ".mean", len.getMean(), 1);
        out.atLeast(path + ".stddev", len.getStddev(), 0);
    }

    static void oneOf(String path, String value, List<String> allowed, String flag, Violations out) {
        if (value == null) return;
        String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(v)) {
            out.add(path, "unknown value '" + value + "'" + Suggestions.didYouMean(v, allowed)
                    + "; use one of " + String.join(", ", allowed) + " (CLI: " + flag + ")");
        }
    }
}
