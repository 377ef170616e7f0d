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
}
