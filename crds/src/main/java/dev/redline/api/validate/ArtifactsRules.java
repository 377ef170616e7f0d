package dev.redline.api.validate;

import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;

/** Output settings (the export level is checked by its schema pattern, see SchemaBounds). */
final class ArtifactsRules implements ValidationRule {
    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        ArtifactsSpec a = spec.getArtifacts();
        if (a == null) return;
        if (a.getPrefix() != null && (a.getPrefix().contains("/") || a.getPrefix().isBlank())) {
            out.add("artifacts.prefix", "'" + a.getPrefix() + "' must be a plain file name prefix without '/'; use artifacts.dir for the directory");
        }
    }
}
