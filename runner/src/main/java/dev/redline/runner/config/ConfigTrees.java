package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small helpers over config trees. */
final class ConfigTrees {
    private ConfigTrees() { }

    /** A snapshot of the entries, so the object can be changed while they are walked. */
    static List<Map.Entry<String, JsonNode>> entries(ObjectNode obj) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        obj.fields().forEachRemaining(e -> out.add(Map.entry(e.getKey(), e.getValue())));
        return out;
    }

    /** camelCase of a snake_case or kebab-case key. */
    static String camel(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        boolean upper = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '-') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
