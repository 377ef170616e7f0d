package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads model, endpoint type and load knobs from an export's {@code input_config}, in Redline's shape
 * (models: [..], phases[].kind) and AIPerf's (models.items[].name, phases[].name, legacy loadgen).
 */
final class InputConfigFacts {
    private InputConfigFacts() { }

    static String model(JsonNode config) {
        JsonNode models = config.path("models");
        JsonNode first = models.isArray() ? models.path(0) : models.path("items").path(0);
        if (first.isTextual()) return first.asText();
        if (first.has("name")) return first.path("name").asText();
        JsonNode legacy = config.path("endpoint").path("model_names").path(0);
        return legacy.isTextual() ? legacy.asText() : "unknown";
    }

    static String endpointType(JsonNode config) {
        JsonNode type = config.path("endpoint").path("type");
        return type.isTextual() ? type.asText() : "chat";
    }

    /** concurrency and request_rate of the profiling phase, when set. */
    static Map<String, Double> loadKnobs(JsonNode config) {
        Map<String, Double> knobs = new LinkedHashMap<>();
        JsonNode phase = profilingPhase(config);
        number(phase.path("concurrency"), "concurrency", knobs);
        number(phase.path("rate"), "request_rate", knobs);
        JsonNode loadgen = config.path("loadgen");
        if (!knobs.containsKey("concurrency")) number(loadgen.path("concurrency"), "concurrency", knobs);
        if (!knobs.containsKey("request_rate")) number(loadgen.path("request_rate"), "request_rate", knobs);
        return knobs;
    }

    private static JsonNode profilingPhase(JsonNode config) {
        JsonNode phases = config.path("phases");
        if (!phases.isArray()) return phases.isObject() ? phases : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        JsonNode fallback = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (JsonNode p : phases) {
            String kind = p.path("kind").asText("profiling");
            if ("profiling".equals(kind) && (p.path("name").isMissingNode() || "profiling".equals(p.path("name").asText()))) return p;
            if ("profiling".equals(kind) && fallback.isMissingNode()) fallback = p;
        }
        return fallback;
    }

    /** Numeric sweep variation values by their leaf name (phases.profiling.concurrency -> concurrency). */
    static Map<String, Double> variationKnobs(Map<String, Object> variation) {
        Map<String, Double> knobs = new LinkedHashMap<>();
        variation.forEach((path, value) -> {
            if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                String leaf = path.substring(path.lastIndexOf('.') + 1);
                knobs.put(leaf.equals("rate") ? "request_rate" : leaf, n.doubleValue());
            }
        });
        return knobs;
    }

    private static void number(JsonNode n, String name, Map<String, Double> out) {
        if (n.isNumber() && Double.isFinite(n.asDouble())) out.put(name, n.asDouble());
    }
}
