package dev.redline.runner.dataset.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code configs} a Hugging Face dataset card declares in its YAML front matter: which files hold a subset's
 * split ({@code data_files: [{split: val, path: mmstar.parquet}]}, paths may be globs). The subset is --hf-subset or
 * the registry's default, else the {@code default} config, else the card's only config.
 */
final class DatasetCard {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DatasetCard() { }

    static List<Path> splitFiles(Path snapshot, String split, String subset) {
        JsonNode config = config(snapshot.resolve("README.md"), subset);
        if (config == null) return List.of();
        JsonNode files = config.path("data_files");
        List<String> globs = new ArrayList<>();
        if (files.isArray()) {
            for (JsonNode f : files) {
                if (!split.equalsIgnoreCase(f.path("split").asText())) continue;
                JsonNode path = f.path("path");
                if (path.isArray()) path.forEach(x -> globs.add(x.asText()));
                else if (path.isTextual()) globs.add(path.asText());
            }
        }
        List<Path> out = new ArrayList<>();
        for (String glob : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            for (Path f : HubSnapshot.dataFiles(snapshot)) {
                if (m.matches(snapshot.relativize(f)) && !out.contains(f)) out.add(f);
            }
        }
        return out;
    }

    private static JsonNode config(Path readme, String subset) {
        if (!Files.isRegularFile(readme)) return null;
        JsonNode configs;
        try {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            if (!text.startsWith("---")) return null;
            int end = text.indexOf("\n---", 3);
            if (end < 0) return null;
            configs = YAML.readTree(text.substring(3, end)).path("configs");
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable card: the file names decide
        }
        if (!configs.isArray() || configs.isEmpty()) return null;
        String want = subset == null ? "default" : subset;
        for (JsonNode c : configs) if (want.equalsIgnoreCase(c.path("config_name").asText("default"))) return c;
        return subset == null && configs.size() == 1 ? configs.get(0) : null;
    }
}
