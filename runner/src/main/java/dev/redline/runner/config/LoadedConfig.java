package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.List;

/**
 * A config file read into the one model: its envelope (the benchmark, with its plot section, and the sweep/multi_run/variables sections;
 * a bare benchmark file is an envelope with only the benchmark), the benchmark body as written (to locate values),
 * the positions of its values, and the warnings collected while reading.
 */
public record LoadedConfig(ConfigEnvelope envelope, ObjectNode benchmarkNode, PositionedYaml positions, List<String> warnings,
                           List<String> uninterpolated) {

    /**
     * Whether a violation at {@code specPath} may come from a value left out because it was not interpolated
     * (--no-interpolate): the value sits in a benchmark section that had such a value ({@code model} covers
     * {@code models}).
     */
    public boolean mayDependOnUninterpolated(String specPath) {
        String first = specPath.split("[.\\[]", 2)[0];
        for (String u : uninterpolated) {
            String p = u.startsWith("benchmark.") ? u.substring("benchmark.".length()) : u;
            String top = dev.redline.api.config.SpecReader.camelCase(p.split("[.\\[]", 2)[0]);
            if (!BENCHMARK_KEYS.contains(top) && !top.equals("model")) top = "phases"; // a phase written under its name
            if (first.startsWith(top) || top.startsWith(first)) return true;
        }
        return false;
    }

    private static final java.util.Set<String> BENCHMARK_KEYS = benchmarkKeys();

    private static java.util.Set<String> benchmarkKeys() {
        java.util.Set<String> out = new java.util.HashSet<>();
        var mapper = dev.redline.api.config.SpecReader.mapper();
        mapper.getSerializationConfig().introspect(mapper.constructType(BenchmarkSpec.class)).findProperties()
                .forEach(p -> out.add(p.getName()));
        return out;
    }

    /** The benchmark. */
    public BenchmarkSpec spec() {
        return envelope.benchmark();
    }

    /** The resolved variables (empty when the file has none or was read without interpolation). */
    public java.util.Map<String, Object> variables() {
        return envelope.getVariables() == null ? java.util.Map.of() : envelope.getVariables();
    }

    /** The experiment sections the file has ({@code sweep}, {@code multiRun}), in camelCase. */
    public List<String> experimentSections() {
        List<String> out = new java.util.ArrayList<>();
        if (envelope.getSweep() != null) out.add("sweep");
        if (envelope.getMultiRun() != null) out.add("multiRun");
        return out;
    }

    /**
     * {@code file:line:column} of the value at a spec path such as {@code phases[1].concurrency} (the deepest part
     * of the path the file wrote), or null when the file did not write any of it.
     */
    public String locate(String specPath) {
        JsonNode n = benchmarkNode;
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
