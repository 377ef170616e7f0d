package dev.redline.api.validate;

import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.SynthesisSpec;

import java.util.Locale;

/** Trace synthesis settings, only for mooncake_trace files (the multipliers' bounds are the schema's, see SchemaBounds). */
final class SynthesisRules {
    private SynthesisRules() { }

    static void check(DatasetSpec ds, Violations out) {
        SynthesisSpec s = ds.getSynthesis();
        if (s == null) return;
        String type = ds.getCustomDatasetType() == null ? null : ds.getCustomDatasetType().trim().toLowerCase(Locale.ROOT);
        if (ds.getInputFile() == null || type != null && !type.equals("mooncake_trace")) {
            out.add("dataset.synthesis", "trace synthesis applies to a mooncake_trace file; set dataset.inputFile with"
                    + " customDatasetType mooncake_trace (CLI: --input-file F --custom-dataset-type mooncake_trace) or remove it");
        }
    }
}
