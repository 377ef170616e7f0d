package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.List;

/**
 * A config file read into the one model, with what is needed to report on it: the document's sections, the
 * positions of its values, the warnings collected while reading, and the resolved variables (for templates
 * rendered at run time).
 */
public record LoadedConfig(BenchmarkSpec spec, ConfigDocument document, PositionedYaml positions, List<String> warnings,
                           java.util.Map<String, Object> variables) {

    /**
     * {@code file:line:column} of the value at a spec path such as {@code phases[1].concurrency} (the deepest part
     * of the path the file wrote), or null when the file did not write any of it.
     */
    public String locate(String specPath) {
        JsonNode n = document.benchmark();
        JsonNode found = null;
        for (String part : specPath.split("\\.")) {
            String key = part;
            int index = -1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                key = part.substring(0, bracket);
                index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
            }
            n = key.isEmpty() ? n : n == null ? null : n.get(key);
            if (n != null && index >= 0) n = n.isArray() ? n.get(index) : index == 0 ? n : null;
            if (n == null) break;
            found = n;
        }
        if (found == null) return null;
        String where = positions.describe(found);
        return where.equals(positions.source()) ? null : where;
    }
}
