package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Locale;

/** The resolved spec as exported in {@code input_config}, with secrets removed. */
final class InputConfig {
    private InputConfig() { }

    static JsonNode redacted(BenchmarkSpec spec) {
        ObjectNode node = SpecReader.mapper().valueToTree(spec);
        JsonNode endpoint = node.get("endpoint");
        if (endpoint instanceof ObjectNode ep) {
            if (ep.has("apiKey")) ep.put("apiKey", "<redacted>");
            if (ep.get("headers") instanceof ObjectNode headers) {
                headers.fieldNames().forEachRemaining(name -> {
                    String n = name.toLowerCase(Locale.ROOT);
                    if (n.equals("authorization") || n.contains("api-key") || n.contains("token")) headers.put(name, "<redacted>");
                });
            }
        }
        return node;
    }
}
