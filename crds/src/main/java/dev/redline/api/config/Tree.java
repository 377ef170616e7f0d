package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Key lookups on a parsed config tree that accept every spelling a file may use (camelCase, snake_case,
 * kebab-case), so shorthand expansion can run before keys are normalised.
 */
final class Tree {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Tree() { }

    /** The key as written in {@code obj} for the camelCase {@code name}, or null. */
    static String key(ObjectNode obj, String name) {
        if (obj.has(name)) return name;
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (KeyNormalizer.camel(k).equals(name)) return k;
        }
        return null;
    }

    static boolean has(ObjectNode obj, String name) {
        return key(obj, name) != null;
    }

    static JsonNode get(ObjectNode obj, String name) {
        String k = key(obj, name);
        return k == null ? null : obj.get(k);
    }

    /** Removes and returns the value of {@code name} in any spelling (null when absent). */
    static JsonNode take(ObjectNode obj, String name) {
        String k = key(obj, name);
        return k == null ? null : obj.remove(k);
    }

    /** The object under {@code name}, created when absent (a non-object value is left for binding to report). */
    static ObjectNode child(ObjectNode obj, String name) {
        JsonNode n = get(obj, name);
        if (n instanceof ObjectNode o) return o;
        if (n != null && !n.isNull()) throw new IllegalStateException(name);
        ObjectNode created = NODES.objectNode();
        String k = key(obj, name);
        obj.set(k == null ? name : k, created);
        return created;
    }

    /** Sets {@code name} unless the object already has it in some spelling (an explicit value wins). */
    static void putIfAbsent(ObjectNode obj, String name, JsonNode value) {
        if (value == null || value.isNull()) return;
        if (!has(obj, name)) obj.set(name, value);
    }

    static List<Map.Entry<String, JsonNode>> entries(ObjectNode obj) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        obj.fields().forEachRemaining(out::add);
        return out;
    }

    static ArrayNode array(JsonNode... items) {
        ArrayNode a = NODES.arrayNode();
        for (JsonNode n : items) a.add(n);
        return a;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
