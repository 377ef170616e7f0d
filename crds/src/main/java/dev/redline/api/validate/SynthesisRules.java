package dev.redline.api.validate;

import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.SynthesisSpec;

import java.util.Locale;

/** Trace synthesis settings: positive multipliers, only for mooncake_trace files. */
final class SynthesisRules {
    private SynthesisRules() { }

    static void check(DatasetSpec ds, Violations out) {
        SynthesisSpec s = ds.getSynthesis();
        if (s == null) return;
        out.positive("dataset.synthesis.speedupRatio", s.getSpeedupRatio());
        out.positive("dataset.synthesis.prefixLenMultiplier", s.getPrefixLenMultiplier());
        out.atLeast("dataset.synthesis.prefixRootMultiplier", s.getPrefixRootMultiplier(), 1);
        out.atLeast("dataset.synthesis.promptLenMultiplier", s.getPromptLenMultiplier(), 0);
        out.atLeast("dataset.synthesis.outputLenMultiplier", s.getOutputLenMultiplier(), 0);
        notNaN("dataset.synthesis.promptLenMultiplier", s.getPromptLenMultiplier(), out);
        notNaN("dataset.synthesis.outputLenMultiplier", s.getOutputLenMultiplier(), out);
        out.atLeast("dataset.synthesis.maxIsl", s.getMaxIsl(), 1);
        out.atLeast("dataset.synthesis.maxOsl", s.getMaxOsl(), 1);
        String type = ds.getCustomDatasetType() == null ? null : ds.getCustomDatasetType().trim().toLowerCase(Locale.ROOT);
        if (ds.getInputFile() == null || type != null && !type.equals("mooncake_trace")) {
            out.add("dataset.synthesis", "trace synthesis applies to a mooncake_trace file; set dataset.inputFile with"
                    + " customDatasetType mooncake_trace (CLI: --input-file F --custom-dataset-type mooncake_trace) or remove it");
        }
    }

    private static void notNaN(String path, Double v, Violations out) {
        if (v != null && !Double.isFinite(v)) out.add(path, "must be a finite number, got " + v);
    }
}
