package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AIPerf's MLflow tag syntax, shared by {@code --mlflow-tag} and the YAML's {@code mlflow.tags}: comma-separated
 * {@code key:value} pairs (split at the first colon, so values may hold URLs) or a JSON object. Values keep the
 * text given (AIPerf's coercion would turn {@code true} into {@code True}).
 */
public final class MlflowTags {
    public static final String SYNTAX = "give key:value pairs (e.g. team:perf, comma-separated for several) or a JSON object";

    private MlflowTags() { }

    /** Adds the pairs of {@code text} to {@code into}; IllegalArgumentException (one line, no flag name) on bad syntax. */
    public static void parse(String text, Map<String, String> into) {
        String t = text.strip();
        if (t.startsWith("{")) {
            JsonNode obj;
            try {
                obj = SpecReader.mapper().readTree(t);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid JSON object; " + SYNTAX);
            }
            if (!obj.isObject()) throw new IllegalArgumentException("'" + text + "' is not a JSON object; " + SYNTAX);
            fromObject(obj, into);
            return;
        }
        for (String item : t.split(",")) {
            int colon = item.indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("'" + item.strip() + "' is not key:value; " + SYNTAX);
            put(item.substring(0, colon), item.substring(colon + 1).strip(), into);
        }
    }

    /** The tags of a YAML/JSON value: an object, a key:value string, or a list of either. */
    public static Map<String, String> fromNode(JsonNode v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v.isObject()) fromObject(v, out);
        else if (v.isTextual()) parse(v.asText(), out);
        else if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isArray() && item.size() == 2) put(item.get(0).asText(), text(item.get(1)), out);
                else out.putAll(fromNode(item));
            }
        } else throw new IllegalArgumentException("expected a mapping of tags; " + SYNTAX);
        return out;
    }

    private static void fromObject(JsonNode obj, Map<String, String> into) {
        obj.properties().forEach(e -> put(e.getKey(), text(e.getValue()), into));
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** AIPerf drops a pair whose key is blank. */
    private static void put(String key, String value, Map<String, String> into) {
        String k = key.strip();
        if (!k.isEmpty()) into.put(k, value);
    }
}
