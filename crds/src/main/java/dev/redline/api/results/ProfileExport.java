package dev.redline.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.ErrorEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The run summary {@code profile_export_redline.json} in the shape of AIPerf's
 * {@code profile_export_aiperf.json} (schema 1.x): run facts, the input config, the error summary, one
 * block per metric tag at top level, and Redline's additions (phases, client saturation, distributed
 * runners...) as extensions. It is also {@code summary.json} in a Benchmark's results ConfigMap: the
 * runner writes it with {@link #toJson()} and the operator reads it with {@link #parse(String, String)},
 * so both sides share this one type. Reading is strict about what it relies on and fails with one line
 * rather than yielding an empty summary.
 */
public final class ProfileExport {
    public static final String SCHEMA_VERSION = "1.5";
    static final String REDLINE_VERSION = "redline_version";
    static final String AIPERF_VERSION = "aiperf_version";
    /** Extensions AIPerf places before the error summary; the rest follow the metrics. */
    private static final Set<String> LEADING_EXTENSIONS = Set.of("run_info", "telemetry_data");
    private static final Set<String> FACTS = Set.of("schema_version", REDLINE_VERSION, AIPERF_VERSION, "benchmark_id",
            "start_time", "end_time", "was_cancelled", "input_config", "error_summary");
    private static final ObjectMapper JSON = new ObjectMapper();

    private String toolVersion = "dev";
    private String toolVersionKey = REDLINE_VERSION;
    private String schemaVersion = SCHEMA_VERSION;
    private String benchmarkId;
    private String startTime;
    private String endTime;
    private boolean wasCancelled;
    private JsonNode inputConfig;
    private final List<ErrorEntry> errorSummary = new ArrayList<>();
    private final Map<String, MetricBlock> metrics = new LinkedHashMap<>();
    private final Map<String, JsonNode> extensions = new LinkedHashMap<>();

    public ProfileExport() { }

    /** The run facts written first. */
    public ProfileExport facts(String redlineVersion, String benchmarkId, String startTime, String endTime, boolean wasCancelled) {
        this.toolVersion = redlineVersion;
        this.toolVersionKey = REDLINE_VERSION;
        this.benchmarkId = benchmarkId;
        this.startTime = startTime;
        this.endTime = endTime;
        this.wasCancelled = wasCancelled;
        return this;
    }

    public ProfileExport inputConfig(JsonNode inputConfig) {
        this.inputConfig = inputConfig;
        return this;
    }

    public ProfileExport addError(ErrorEntry e) {
        errorSummary.add(e);
        return this;
    }

    public ProfileExport putMetric(String tag, MetricBlock block) {
        metrics.put(tag, block);
        return this;
    }

    /** Adds or replaces a non-metric top-level entry (e.g. {@code phases}, {@code distributed}). */
    public ProfileExport putExtension(String key, JsonNode value) {
        if (FACTS.contains(key)) throw new IllegalArgumentException(key + " is a run fact, not an extension");
        extensions.put(key, value);
        return this;
    }

    public String schemaVersion() { return schemaVersion; }
    public String toolVersion() { return toolVersion; }
    public String benchmarkId() { return benchmarkId; }
    public String startTime() { return startTime; }
    public String endTime() { return endTime; }
    public boolean wasCancelled() { return wasCancelled; }
    public JsonNode inputConfig() { return inputConfig; }
    public List<ErrorEntry> errorSummary() { return Collections.unmodifiableList(errorSummary); }
    public Map<String, MetricBlock> metrics() { return Collections.unmodifiableMap(metrics); }
    public Map<String, JsonNode> extensions() { return Collections.unmodifiableMap(extensions); }

    /** The metric's block, or null when the run did not produce it. */
    public MetricBlock metric(String tag) { return metrics.get(tag); }

    /** One statistic of one metric in display units (e.g. {@code ("time_to_first_token", "p99")}), or null. */
    public Double stat(String tag, String stat) {
        MetricBlock b = metrics.get(tag);
        return b == null ? null : b.stat(stat);
    }

    public JsonNode extension(String key) { return extensions.get(key); }

    /** Pretty-printed JSON in AIPerf's key order. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", schemaVersion);
        root.put(toolVersionKey, toolVersion);
        root.put("benchmark_id", benchmarkId);
        root.put("start_time", startTime);
        root.put("end_time", endTime);
        root.put("was_cancelled", wasCancelled);
        root.set("input_config", inputConfig == null ? JSON.createObjectNode() : inputConfig);
        extensions.forEach((k, v) -> { if (LEADING_EXTENSIONS.contains(k)) root.set(k, v); });
        ArrayNode errors = root.putArray("error_summary"); // AIPerf's ErrorDetailsCount: {error_details: {code, type, message}, count}
        for (ErrorEntry e : errorSummary) {
            ObjectNode o = errors.addObject();
            ObjectNode details = o.putObject("error_details");
            if (e.getCode() != null) details.put("code", e.getCode());
            details.put("type", e.getType());
            if (e.getMessage() != null) details.put("message", e.getMessage());
            o.put("count", e.getCount() == null ? 0 : e.getCount());
        }
        metrics.forEach((tag, block) -> {
            ObjectNode o = root.putObject(tag);
            o.put("unit", block.unit());
            block.stats().forEach((k, v) -> putNumber(o, k, v));
        });
        extensions.forEach((k, v) -> { if (!LEADING_EXTENSIONS.contains(k)) root.set(k, v); });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole numbers as integers (counts, epoch-ns timestamps), everything else as a double; non-finite left out. */
    private static void putNumber(ObjectNode o, String key, Number v) {
        if (v instanceof Long || v instanceof Integer) {
            o.put(key, v.longValue());
            return;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) return;
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) o.put(key, (long) d);
        else o.put(key, d);
    }

    /**
     * Reads a Redline or AIPerf profile export. {@code source} names where it came from (a file, or
     * {@code summary.json in ConfigMap x}) for the one-line {@link ExportFormatException}.
     */
    public static ProfileExport parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ExportFormatException(source + " is not valid JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) throw new ExportFormatException(source + " is not a JSON object");
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isTextual()) {
            String hint = root.has("requestCount")
                    ? " (it has the camelCase keys of an old status summary: runner and operator versions differ; upgrade both)"
                    : "";
            throw new ExportFormatException(source + " has no schema_version: not a Redline/AIPerf profile export" + hint);
        }
        if (!version.asText().startsWith("1.")) {
            throw new ExportFormatException(source + ": schema_version " + version.asText()
                    + " is not supported (this version reads 1.x); upgrade Redline");
        }
        ProfileExport export = new ProfileExport();
        export.schemaVersion = version.asText();
        if (root.has(AIPERF_VERSION)) {
            export.toolVersionKey = AIPERF_VERSION;
            export.toolVersion = root.get(AIPERF_VERSION).asText();
        } else {
            export.toolVersion = text(root, REDLINE_VERSION);
        }
        export.benchmarkId = text(root, "benchmark_id");
        export.startTime = text(root, "start_time");
        export.endTime = text(root, "end_time");
        export.wasCancelled = root.path("was_cancelled").asBoolean(false);
        export.inputConfig = root.get("input_config");
        readErrors(root.get("error_summary"), export, source);
        root.properties().forEach(e -> {
            String key = e.getKey();
            if (FACTS.contains(key)) return;
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("unit")) export.metrics.put(key, readMetric(key, v, source));
            else export.extensions.put(key, v);
        });
        return export;
    }

    private static MetricBlock readMetric(String tag, JsonNode node, String source) {
        JsonNode unit = node.get("unit");
        if (!unit.isTextual()) throw new ExportFormatException(source + ": " + tag + ".unit is not a string");
        Map<String, Number> stats = new LinkedHashMap<>();
        node.properties().forEach(s -> {
            if (s.getKey().equals("unit")) return;
            JsonNode v = s.getValue();
            if (v.isNull()) return;
            if (!v.isNumber()) {
                throw new ExportFormatException(source + ": " + tag + "." + s.getKey() + " is not a number (" + v + ")");
            }
            stats.put(s.getKey(), v.isIntegralNumber() ? (Number) v.longValue() : (Number) v.doubleValue());
        });
        return new MetricBlock(unit.asText(), stats);
    }

    private static void readErrors(JsonNode errors, ProfileExport export, String source) {
        if (errors == null || errors.isNull()) return;
        if (!errors.isArray()) throw new ExportFormatException(source + ": error_summary is not a list");
        for (JsonNode e : errors) {
            if (!e.isObject() || !e.path("count").isNumber()) {
                throw new ExportFormatException(source + ": error_summary entries need a numeric count, got " + e);
            }
            JsonNode d = e.has("error_details") ? e.get("error_details") : e; // AIPerf's shape, or the flat one of Redline 0.1
            ErrorEntry entry = new ErrorEntry();
            if (d.path("code").isNumber()) entry.setCode(d.get("code").intValue());
            entry.setType(d.path("type").asText(null));
            entry.setMessage(d.path("message").asText(null));
            entry.setCount(e.get("count").longValue());
            export.errorSummary.add(entry);
        }
    }

    private static String text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
