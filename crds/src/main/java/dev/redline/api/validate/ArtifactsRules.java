package dev.redline.api.validate;

import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Set;

/** Output settings (the export level is checked by its schema pattern, see SchemaBounds). */
final class ArtifactsRules implements ValidationRule {
    private static final Set<String> USER_FILE_FORMATS = Set.of("json", "yaml", "text");

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        ArtifactsSpec a = spec.getArtifacts();
        if (a == null) return;
        if (a.getUserFiles() != null) {
            for (int i = 0; i < a.getUserFiles().size(); i++) {
                var f = a.getUserFiles().get(i);
                String at = "artifacts.userFiles[" + i + "]";
                if (f == null || f.getPath() == null || f.getPath().isBlank()) {
                    out.add(at + ".path", "each user file needs a path relative to the artifact directory");
                } else if (f.getPath().startsWith("/") || java.util.Arrays.asList(f.getPath().split("[/\\\\]")).contains("..")) {
                    out.add(at + ".path", "'" + f.getPath() + "' must stay inside the artifact directory (relative, no '..')");
                }
                if (f != null && f.getFormat() != null && !USER_FILE_FORMATS.contains(f.getFormat())) {
                    out.add(at + ".format", "unknown format '" + f.getFormat() + "'; use json, yaml or text");
                }
            }
        }
        if (a.getPrefix() != null && (a.getPrefix().contains("/") || a.getPrefix().isBlank())) {
            out.add("artifacts.prefix", "'" + a.getPrefix() + "' must be a plain file name prefix without '/'; use artifacts.dir for the directory");
        }
    }
}
