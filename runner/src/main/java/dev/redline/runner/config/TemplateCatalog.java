package dev.redline.runner.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code config init} templates (config/templates in the repository, in the jar under
 * {@code dev/redline/runner/config/templates}), with AIPerf's template names. Each template's header comments carry
 * its title, description, category and tags. Every AIPerf 0.13 template has one of the same name.
 */
public final class TemplateCatalog {
    static final String DIR = "/dev/redline/runner/config/templates/";
    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("^([a-z]+):\\s*(.*)$");

    /** One template: its name, header fields and the YAML text as shipped. */
    public record Template(String name, String title, String description, String category, List<String> tags, String text) {
        /** Whether {@code word} appears in the name, title, description, category or tags (case-insensitive). */
        public boolean matches(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            return (name + " " + title + " " + description + " " + category + " " + String.join(" ", tags))
                    .toLowerCase(Locale.ROOT).contains(w);
        }
    }

    private final Map<String, Template> templates;

    private TemplateCatalog(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** The templates shipped in the jar. */
    public static TemplateCatalog builtin() {
        Map<String, Template> out = new LinkedHashMap<>();
        for (String line : read("TEMPLATES").split("\\R")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) continue;
            out.put(name, parse(name, read(name + ".yaml")));
        }
        return new TemplateCatalog(out);
    }

    public List<Template> all() {
        return new ArrayList<>(templates.values());
    }

    /** The template named {@code name} (hyphens and case ignored), or null. */
    public Template find(String name) {
        return templates.get(name.trim().toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    static Template parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) break;
            java.util.regex.Matcher m = HEADER.matcher(line.substring(1).trim());
            if (m.matches()) header.putIfAbsent(m.group(1), m.group(2).trim());
        }
        String tags = header.getOrDefault("tags", "");
        return new Template(name, header.getOrDefault("title", name), header.getOrDefault("description", ""),
                header.getOrDefault("category", "Other"),
                tags.isBlank() ? List.of() : List.of(tags.split("\\s*,\\s*")), text);
    }

    private static String read(String file) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("template resource " + DIR + file + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
