package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;

/** Dataset source and synthetic prompt lengths. */
final class DatasetRules implements ValidationRule {
    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        DatasetSpec ds = spec.getDataset();
        if (ds == null) return;
        out.atLeast("dataset.entries", ds.getEntries(), 1);
        PromptSpec p = ds.getPrompts();
        if (p == null) return;
        length("dataset.prompts.isl", p.getIsl(), out);
        length("dataset.prompts.osl", p.getOsl(), out);
        out.atLeast("dataset.prompts.batchSize", p.getBatchSize(), 1);
        out.atLeast("dataset.prompts.blockSize", p.getBlockSize(), 1);
    }

    private static void length(String path, LengthSpec len, Violations out) {
        if (len == null) return;
        if (len.getMean() == null && len.getStddev() != null) {
            out.add(path + ".stddev", "a standard deviation needs a mean; set " + path + ".mean too");
            return;
        }
        out.atLeast(path + ".mean", len.getMean(), 1);
        out.atLeast(path + ".stddev", len.getStddev(), 0);
    }
}
