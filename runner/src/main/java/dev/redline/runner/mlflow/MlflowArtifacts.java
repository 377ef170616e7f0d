package dev.redline.runner.mlflow;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which files of the artifact directory go to MLflow and where, as AIPerf lays them out: the files matching the globs
 * (in glob order, each once, sorted within a glob), plots and pages under {@code plots/}, everything else under
 * {@code exports/}, keeping their sub-directories. As in Python's pathlib, {@code **}{@code /} also matches no
 * directory, so {@code **}{@code /*.png} finds top-level PNGs too.
 */
final class MlflowArtifacts {
    static final String METADATA_FILE = "mlflow_export.json";
    private static final Set<String> PLOT_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp", ".html");

    private MlflowArtifacts() { }

    /** The matching regular files, without {@link #METADATA_FILE} (it is written after them and uploaded last). */
    static List<Path> collect(Path dir, List<String> globs) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
        Set<Path> out = new LinkedHashSet<>();
        for (String glob : globs) {
            List<PathMatcher> matchers = new ArrayList<>();
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            for (Path rel : all) {
                if (rel.toString().equals(METADATA_FILE)) continue;
                if (matchers.stream().anyMatch(m -> m.matches(rel))) out.add(rel);
            }
        }
        return out.stream().map(dir::resolve).toList();
    }

    /** The MLflow artifact directory of {@code relative}: plots/... for images and pages, exports/... for the rest. */
    static String artifactPath(Path relative) {
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String base = dot >= 0 && PLOT_SUFFIXES.contains(name.substring(dot)) ? "plots" : "exports";
        List<String> parts = new ArrayList<>();
        Path parent = relative.getParent();
        if (parent != null) parent.forEach(p -> parts.add(p.toString()));
        if (!parts.isEmpty() && parts.get(0).equals(base)) parts.remove(0);
        return parts.isEmpty() ? base : base + "/" + String.join("/", parts);
    }
}
