package dev.redline.api.validate;

import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Set;

/** Output settings. */
final class ArtifactsRules implements ValidationRule {
    private static final Set<String> EXPORT_LEVELS = Set.of("summary", "records", "raw");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        ArtifactsSpec a = spec.getArtifacts();
        if (a == null) return;
        if (a.getExportLevel() != null && !EXPORT_LEVELS.contains(a.getExportLevel())) {
            out.add("artifacts.exportLevel", "unknown export level '" + a.getExportLevel() + "'; use summary, records or raw");
        }
        out.positive("artifacts.sliceDuration", a.getSliceDuration());
        if (a.getPrefix() != null && (a.getPrefix().contains("/") || a.getPrefix().isBlank())) {
            out.add("artifacts.prefix", "'" + a.getPrefix() + "' must be a plain file name prefix without '/'; use artifacts.dir for the directory");
        }
    }
}
