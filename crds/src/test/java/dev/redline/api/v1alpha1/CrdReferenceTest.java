package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/crd-reference.md is generated from the CRD schema (so from the Java types' descriptions) and
 * must not drift. Refresh with {@code ./mvnw -pl crds test -Dtest='Crd*' -Dredline.crd.update=true}.
 */
class CrdReferenceTest {
    /** Standard Kubernetes types: linked, not expanded. */
    private static final Map<String, String> K8S_TYPES = Map.of(
            "spec.template", "a Benchmark `spec` (see the Benchmark reference above)",
            "spec.runners.resources", "[ResourceRequirements](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#resources)",
            "spec.runners.tolerations", "list of [Toleration](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#scheduling)",
            "spec.runners.affinity", "[Affinity](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#scheduling)",
            "spec.runners.colocateWith", "[LabelSelector](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/)",
            "spec.template.runners.resources", "[ResourceRequirements](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#resources)",
            "spec.template.runners.tolerations", "list of [Toleration](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#scheduling)",
            "spec.template.runners.affinity", "[Affinity](https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#scheduling)",
            "spec.template.runners.colocateWith", "[LabelSelector](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/label-selector/)",
            "status.conditions", "list of [Condition](https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/): type, status, reason, message, lastTransitionTime, observedGeneration");

    /** What the spec's CEL rule leaves mutable, per kind. */
    private static final Map<String, String> MUTABLE = Map.of(
            "Benchmark", "The spec may change after creation: a change to anything but `cancel`, `ttlSecondsAfterFinished`, `slo`,\n"
                    + "`baselineRef` and `regression` (or to `runId`) starts a new run; see [operator.md](operator.md#re-runs-gitops).\n",
            "Sweep", "`spec.template` is a Benchmark spec (the fields above); a change to it or to `spec.sweep` after cells exist fails the Sweep (`SpecChanged`); `spec.cancel` may be set at any time to stop it (`Cancelled`); `spec.sweep` and `spec.multiRun` are the"
                    + " `sweep:` and `multi_run:` sections of a config file ([sweeps.md](sweeps.md)).\n",
            "Search", "The whole spec is immutable after creation except `cancel` (CEL rule): the child Benchmarks are the search's state"
                    + " ([search.md](search.md#the-search-resource)).\n");

    static String render(JsonNode crd, String file) {
        JsonNode version = crd.at("/spec/versions/0");
        String kind = crd.at("/spec/names/kind").asText();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(kind).append(" CRD reference\n\n")
                .append("<!-- Generated from crds/generated/").append(file)
                .append(" by CrdReferenceTest; do not edit. -->\n\n")
                .append("`").append(crd.at("/spec/group").asText()).append('/').append(version.get("name").asText())
                .append("`, kind `").append(crd.at("/spec/names/kind").asText()).append("`, namespaced, short name `")
                .append(crd.at("/spec/names/shortNames/0").asText()).append("`, category `")
                .append(crd.at("/spec/names/categories/0").asText()).append("`.\n\n")
                .append("Field names are camelCase (the API server prunes unknown keys; `kubectl apply` refuses them, see\n")
                .append("[operator.md](operator.md#what-admission-rejects)). `*` marks a required field; `spec` itself is required.\n")
                .append("Bounds and patterns are checked at admission, and by the same validator in the CLI and the operator.\n")
                .append(MUTABLE.get(kind)).append("\n")
                .append("## Printer columns\n\n| Column | JSONPath |\n|---|---|\n");
        for (JsonNode col : version.get("additionalPrinterColumns")) {
            md.append("| ").append(col.get("name").asText()).append(" | `").append(col.get("jsonPath").asText()).append("` |\n");
        }
        JsonNode root = version.at("/schema/openAPIV3Schema/properties");
        for (String section : new String[]{"spec", "status"}) {
            md.append("\n## ").append(section).append("\n\n| Field | Type | Description |\n|---|---|---|\n");
            walk(root.get(section), section, Set.of(), md);
        }
        md.append("\n## Cross-field rules (CEL)\n\nChecked at admission; the message is what `kubectl apply` prints.\n\n")
                .append("| On | Rule | Message |\n|---|---|---|\n");
        rules(root.get("spec"), "spec", md);
        return md.toString();
    }

    private static void walk(JsonNode schema, String path, Set<String> required, StringBuilder md) {
        JsonNode props = schema.get("properties");
        if (props == null) return;
        Set<String> req = new HashSet<>();
        if (schema.has("required")) schema.get("required").forEach(r -> req.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            JsonNode s = e.getValue();
            md.append("| `").append(p).append('`').append(req.contains(e.getKey()) ? " *" : "").append(" | ")
                    .append(type(p, s)).append(" | ").append(s.path("description").asText("").replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
            if (K8S_TYPES.containsKey(p)) continue;
            if (s.has("properties")) walk(s, p, req, md);
            else if (s.path("items").has("properties")) walk(s.get("items"), p + "[]", req, md);
        }
    }

    /** Every x-kubernetes-validations rule under spec except the (long) immutability rule, described in the header. */
    private static void rules(JsonNode schema, String path, StringBuilder md) {
        for (JsonNode r : schema.path("x-kubernetes-validations")) {
            if (r.path("rule").asText().contains("oldSelf")) continue;
            String on = path + r.path("fieldPath").asText("");
            md.append("| `").append(on).append("` | `").append(r.path("rule").asText().replace("|", "\\|")).append("` | ")
                    .append(r.path("message").asText().replace("|", "\\|")).append(" |\n");
        }
        if (K8S_TYPES.containsKey(path)) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            rules(e.getValue(), path + "." + e.getKey(), md);
        }
        if (schema.path("items").has("properties")) rules(schema.get("items"), path + "[]", md);
    }

    private static String type(String path, JsonNode s) {
        if (K8S_TYPES.containsKey(path)) return K8S_TYPES.get(path);
        if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !s.has("type")) return "any";
        String t = s.path("type").asText("any");
        if ("array".equals(t)) t = "list of " + s.path("items").path("type").asText("any");
        if ("object".equals(t) && s.has("additionalProperties")) t = "map of " + s.at("/additionalProperties/type").asText("any");
        if (s.has("enum")) {
            StringBuilder e = new StringBuilder(t).append(": ");
            s.get("enum").forEach(v -> e.append('`').append(v.asText()).append("` "));
            t = e.toString().trim();
        }
        if (s.has("minimum")) t += (s.path("exclusiveMinimum").asBoolean() ? ", > " : ", min ") + s.get("minimum").asText().replaceAll("\\.0$", "");
        if (s.has("maximum")) t += ", max " + s.get("maximum").asText().replaceAll("\\.0$", "");
        if (s.has("minItems")) t += ", at least " + s.get("minItems").asText() + " items";
        if (s.has("maxItems")) t += ", at most " + s.get("maxItems").asText() + " items";
        if (s.has("maxProperties")) t += ", at most " + s.get("maxProperties").asText() + " entries";
        if (s.has("maxLength")) t += ", at most " + s.get("maxLength").asText() + " characters";
        if (s.has("pattern")) t += ", matching `" + s.get("pattern").asText().replace("|", "\\|") + "`";
        return t;
    }

    @Test
    void referenceMatchesTheCrd() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String file : CrdDriftTest.FILES) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/fabric8/" + file)) {
                if (all.length() > 0) all.append("\n");
                all.append(render(new ObjectMapper(new YAMLFactory()).readTree(in), file));
            }
        }
        String expected = all.toString();
        Path doc = CrdDriftTest.repoRoot().resolve("docs/crd-reference.md");
        if (Boolean.getBoolean("redline.crd.update")) {
            Files.createDirectories(doc.getParent());
            Files.writeString(doc, expected);
        }
        assertEquals(expected, Files.exists(doc) ? Files.readString(doc) : "<missing>",
                doc + " is stale: rerun with -Dredline.crd.update=true and commit it");
    }
}
