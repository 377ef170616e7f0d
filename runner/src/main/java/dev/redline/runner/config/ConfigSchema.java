package dev.redline.runner.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of a config file, made from the schema the Benchmark CRD is generated with (fabric8's
 * crd-generator writes it from the Java types into the redline-api jar), so the file format and the resource can
 * never disagree: the CR's {@code spec} less the cluster-only fields is the {@code benchmark} section, inside AIPerf's
 * schemaVersion 2.0 envelope. Objects with listed properties get {@code additionalProperties: false} (unknown keys
 * are errors); Kubernetes-only keywords are dropped. The schema is the camelCase canonical form: readers also accept
 * snake_case keys and AIPerf's shorthands, which a JSON Schema cannot express.
 */
public final class ConfigSchema {
    static final String CRD_RESOURCE = "/META-INF/fabric8/" + Benchmark.CRD_NAME + "-v1.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigSchema() { }

    public static ObjectNode build() {
        JsonNode crd = crd();
        ObjectNode spec = (ObjectNode) crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec").deepCopy();
        ObjectNode props = (ObjectNode) spec.get("properties");
        Set<String> benchmarkFields = fieldsOf(BenchmarkSpec.class);
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            if (!benchmarkFields.contains(it.next())) it.remove(); // runners, output, slo, ...: the resource's own
        }
        ObjectNode benchmark = toJsonSchema(spec);
        benchmark.put("description", "The benchmark: the one model shared with the Benchmark resource's spec.");

        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://redline.dev/schemas/config-2.0.json");
        root.put("title", "Redline benchmark config (AIPerf schemaVersion 2.0)");
        root.put("type", "object");
        ObjectNode envelope = root.putObject("properties");
        envelope.putObject("schemaVersion").put("type", "string").put("description", "Config format version: \"2.0\".")
                .putArray("enum").add("2.0");
        envelope.set("benchmark", benchmark);
        envelope.putObject("variables").put("type", "object")
                .put("description", "Names usable in {{ expr }} templates anywhere in the file (values may use each other).");
        envelope.putObject("randomSeed").put("type", "integer").put("description", "Seed of every random choice; same as benchmark.randomSeed.");
        envelope.putObject("sweep").put("type", "object").put("description", "Variations to run (grid, zip, scenarios, sobol, latin_hypercube); read by the experiment layer.");
        envelope.putObject("multiRun").put("type", "object").put("description", "Trials per variation and their confidence aggregation; read by the experiment layer.");
        envelope.putObject("noSweepTable").put("type", "boolean").put("description", "Do not print the live sweep table.");
        ObjectNode plot = envelope.putObject("plot");
        plot.put("description", "AIPerf's plot section: read as benchmark.plot (it turns artifacts.autoPlot on unless set), or the path of a YAML file holding it.");
        plot.putArray("anyOf").add(benchmark.path("properties").path("plot").deepCopy()).add(NODES.objectNode().put("type", "string"));
        root.put("additionalProperties", false);
        return root;
    }

    private static JsonNode crd() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(CRD_RESOURCE)) {
            if (in == null) throw new IllegalStateException(CRD_RESOURCE + " is missing: the redline-api jar was built without its CRD");
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> fieldsOf(Class<?> type) {
        BeanDescription d = YAML.getDeserializationConfig().introspect(YAML.constructType(type));
        Set<String> out = new HashSet<>();
        for (BeanPropertyDefinition p : d.findProperties()) out.add(p.getName());
        return out;
    }

    /** OpenAPI v3 (structural, as Kubernetes wants it) to JSON Schema: closed objects, no x-kubernetes-* keys. */
    static ObjectNode toJsonSchema(ObjectNode n) {
        ObjectNode out = NODES.objectNode();
        boolean open = n.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.startsWith("x-kubernetes-")) continue;
            JsonNode v = e.getValue();
            if (k.equals("properties") && v.isObject()) {
                ObjectNode props = out.putObject("properties");
                v.fields().forEachRemaining(p -> props.set(p.getKey(), p.getValue().isObject() ? toJsonSchema((ObjectNode) p.getValue()) : p.getValue()));
            } else if ((k.equals("items") || k.equals("additionalProperties")) && v.isObject()) {
                out.set(k, toJsonSchema((ObjectNode) v));
            } else if (v.isArray() && (k.equals("anyOf") || k.equals("oneOf") || k.equals("allOf"))) {
                ArrayNode arr = out.putArray(k);
                v.forEach(x -> arr.add(x.isObject() ? toJsonSchema((ObjectNode) x) : x));
            } else {
                out.set(k, v);
            }
        }
        if (n.has("properties") && !open && !n.has("additionalProperties")) out.put("additionalProperties", false);
        return out;
    }
}
