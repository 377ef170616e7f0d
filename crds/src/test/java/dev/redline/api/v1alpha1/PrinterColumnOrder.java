package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The crd-generator sorts printer columns by JSON path; {@code kubectl get bm} should show them in the
 * order users read a benchmark: Phase, Model, Load, Req/s, TTFT p99, Age ({@code kubectl get sw}: Phase,
 * Cells, Best Req/s, Best TTFT p99, Age; {@code kubectl get srch}: Phase, Iterations, Best, Knob, Age). Applied
 * to the generated CRD before it is compared with (or written to) the committed copies.
 */
final class PrinterColumnOrder {
    static final List<String> ORDER = List.of("Phase", "Model", "Load", "Req/s", "TTFT p99", "Age");
    static final List<String> SWEEP_ORDER = List.of("Phase", "Cells", "Best Req/s", "Best TTFT p99", "Age");
    static final java.util.Map<String, List<String>> BY_KIND = java.util.Map.of(
            "Benchmark", ORDER, "Sweep", SWEEP_ORDER, "Search", List.of("Phase", "Iterations", "Best", "Knob", "Age"));

    static List<String> order(String kind) { return BY_KIND.get(kind); }
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private PrinterColumnOrder() { }

    static String apply(String crdYaml) throws IOException {
        JsonNode root = YAML.readTree(crdYaml);
        List<String> order = order(root.at("/spec/names/kind").asText());
        for (JsonNode version : root.path("spec").path("versions")) {
            JsonNode columns = version.get("additionalPrinterColumns");
            if (!(columns instanceof ArrayNode array)) continue;
            List<JsonNode> sorted = new ArrayList<>();
            array.forEach(sorted::add);
            sorted.sort(Comparator.comparingInt(c -> {
                int i = order.indexOf(c.path("name").asText());
                return i < 0 ? order.size() : i;
            }));
            ((ObjectNode) version).putArray("additionalPrinterColumns").addAll(sorted);
        }
        return "# Generated from the Java types in crds/ (fabric8 crd-generator); do not edit.\n"
                + YAML.writeValueAsString(root);
    }
}
