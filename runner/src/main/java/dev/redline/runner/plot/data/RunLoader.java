package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.redline.api.results.ExportFormatException;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.ExperimentClassification;
import dev.redline.runner.BadInputException;
import dev.redline.runner.plot.discover.ExportNames;
import dev.redline.runner.plot.discover.RunDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run's numbers from its summary export, or a multi-run cell's from its confidence aggregate
 * ({@code <metric>_<stat>: {mean, ci_low, ci_high, unit}} flattened keys, un-flattened here so both
 * shapes answer {@link RunData#value}).
 */
public final class RunLoader {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STATS = Set.of("avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50", "p75",
            "p90", "p95", "p99", "count", "sum");

    private final ExperimentClassification classification;

    public RunLoader(ExperimentClassification classification) {
        this.classification = classification;
    }

    public RunData load(RunDir run) {
        return run.isAggregate() ? fromAggregate(run, readJson(run.aggregate())) : fromSummary(run);
    }

    /** The summary through the shared export model (crds' ProfileExport), which reads Redline's and AIPerf's. */
    private RunData fromSummary(RunDir run) {
        ProfileExport export;
        try {
            export = ProfileExport.parse(Files.readString(run.summary()), run.summary().toString());
        } catch (ExportFormatException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(run.summary() + ": cannot read (" + oneLine(e.getMessage()) + ")");
        }
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        export.metrics().forEach((tag, block) -> metrics.put(tag, MetricStats.of(block)));
        JsonNode config = export.inputConfig() == null ? MissingNode.getInstance() : export.inputConfig();
        JsonNode runInfo = export.extension("run_info");
        Map<String, Object> variation = variation(runInfo == null ? MissingNode.getInstance() : runInfo.path("variation_values"));
        Map<String, Double> parameters = new LinkedHashMap<>(InputConfigFacts.loadKnobs(config));
        parameters.putAll(InputConfigFacts.variationKnobs(variation));
        JsonNode telemetry = export.extension("telemetry_data");
        Integer gpus = gpuCount(run.path(), telemetry == null ? MissingNode.getInstance() : telemetry);
        return build(run, InputConfigFacts.model(config), InputConfigFacts.endpointType(config), parameters, variation, gpus, 1, metrics);
    }

    private RunData fromAggregate(RunDir run, JsonNode root) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> intervals = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (!p.path("mean").isNumber()) continue;
            String key = e.getKey();
            int cut = key.lastIndexOf('_');
            boolean suffixed = cut > 0 && STATS.contains(key.substring(cut + 1));
            String tag = suffixed ? key.substring(0, cut) : key;
            String stat = suffixed ? key.substring(cut + 1) : MetricStats.AVG;
            values.computeIfAbsent(tag, k -> new LinkedHashMap<>()).put(stat, p.path("mean").asDouble());
            if (p.path("ci_low").isNumber() && p.path("ci_high").isNumber()) {
                intervals.computeIfAbsent(tag, k -> new LinkedHashMap<>())
                        .put(stat, new double[]{p.path("ci_low").asDouble(), p.path("ci_high").asDouble()});
            }
            units.putIfAbsent(tag, p.path("unit").asText(""));
        }
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        values.forEach((tag, v) -> metrics.put(tag, new MetricStats(units.get(tag), v, intervals.getOrDefault(tag, Map.of()))));
        JsonNode meta = root.path("metadata");
        Map<String, Object> variation = variation(meta.path("variation_values"));
        Map<String, Double> parameters = new LinkedHashMap<>(InputConfigFacts.variationKnobs(variation));
        String model = meta.path("model").asText("unknown");
        int trials = meta.path("num_successful_runs").asInt(1);
        return build(run, model, meta.path("endpoint_type").asText("chat"), parameters, variation,
                gpuCount(run.path(), root.path("telemetry_data")), trials, metrics);
    }

    private RunData build(RunDir run, String model, String endpointType, Map<String, Double> parameters,
                          Map<String, Object> variation, Integer gpus, int trials, Map<String, MetricStats> metrics) {
        String name = runName(run.path());
        String type = experimentType(run.path(), name);
        return new RunData(run.path(), name, model, endpointType, parameters, variation, gpus, trials, metrics, type,
                experimentGroup(run.path(), name));
    }

    /** A cell's aggregate at {@code <cell>/aggregate/} is named after the cell. */
    static String runName(Path dir) {
        String name = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        if (name.equals(ExportNames.AGGREGATE_DIR) && dir.toAbsolutePath().normalize().getParent() != null) {
            return String.valueOf(dir.toAbsolutePath().normalize().getParent().getFileName());
        }
        return name;
    }

    /** GPUs: AIPerf's summary telemetry_data, else Redline's gpu_telemetry_export.json beside it. */
    private static Integer gpuCount(Path dir, JsonNode telemetryData) {
        int n = 0;
        for (JsonNode endpoint : telemetryData.path("endpoints")) n += endpoint.path("gpus").size();
        if (n > 0) return n;
        Path gpu = ExportNames.ifPresent(dir, ExportNames.GPU_SUMMARY);
        if (gpu == null) return null;
        int count = readJson(gpu).path("gpus").size();
        return count > 0 ? count : null;
    }

    private static Map<String, Object> variation(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.asText());
        }
        return out;
    }

    private String experimentType(Path dir, String name) {
        if (classification == null) return ExperimentClassification.TREATMENT;
        if (matches(classification.resolvedBaselines(), dir, name)) return ExperimentClassification.BASELINE;
        if (matches(classification.resolvedTreatments(), dir, name)) return ExperimentClassification.TREATMENT;
        return classification.resolvedDefault();
    }

    /** AIPerf: the parent directory's name when it matches a glob (runs grouped per experiment), else the run's. */
    private String experimentGroup(Path dir, String name) {
        if (classification == null) return name;
        String group = extractedGroup(dir, name);
        java.util.Map<String, String> shown = classification.getGroupDisplayNames();
        return shown != null && shown.containsKey(group) ? shown.get(group) : group;
    }

    /** AIPerf's group_extraction_pattern: its first group in the run's name, else in a parent's; else the glob rule. */
    private String extractedGroup(Path dir, String name) {
        String regex = classification.getGroupExtractionPattern();
        if (regex != null) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
            for (Path d = dir.toAbsolutePath().normalize(); d != null && d.getFileName() != null; d = d.getParent()) {
                String n = d.equals(dir.toAbsolutePath().normalize()) ? name : d.getFileName().toString();
                java.util.regex.Matcher m = p.matcher(n);
                if (m.find()) return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
        }
        Path parent = dir.toAbsolutePath().normalize().getParent();
        String parentName = parent == null ? null : String.valueOf(parent.getFileName());
        if (parentName != null) {
            for (String glob : concat(classification.resolvedBaselines(), classification.resolvedTreatments())) {
                if (glob(glob).matches(Path.of(parentName))) return parentName;
            }
        }
        return name;
    }

    private static boolean matches(List<String> globs, Path dir, String name) {
        for (String g : globs) {
            var m = glob(g);
            if (m.matches(Path.of(name)) || m.matches(dir.toAbsolutePath().normalize())) return true;
        }
        return false;
    }

    private static java.nio.file.PathMatcher glob(String g) {
        // fnmatch semantics: '*' crosses '/' as well, so a glob may match the whole path
        return FileSystems.getDefault().getPathMatcher("glob:" + g.replace("**", "*").replace("*", "**"));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static JsonNode readJson(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) throw new BadInputException(file + ": expected a JSON object (a Redline or AIPerf export)");
            return n;
        } catch (IOException e) {
            throw new BadInputException(file + ": not a readable JSON export (" + oneLine(e.getMessage()) + ")");
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
