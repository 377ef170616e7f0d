package dev.redline.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Bad Benchmarks, one fault each: generated from every constraint the committed CRD schema states
 * (minimum, exclusiveMinimum, maximum, pattern, enum, minItems, maxItems, maxLength, required) and
 * written by hand for the cross-field (CEL) rules. Each names the field at fault, which both the
 * apiserver's rejection and the Java validator must name too.
 */
public final class BadBenchmarks {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Embedded Kubernetes types (their schema is Kubernetes', not ours) and free-form values. */
    private static final Set<String> SKIPPED = Set.of("spec.runners.resources", "spec.runners.tolerations", "spec.runners.affinity",
            "spec.runners.colocateWith", "spec.endpoint.extraInputs", "spec.dataset.records");
    private static final List<String> STRING_SAMPLES = List.of("x", "http://127.0.0.1:8000", "/v1/x", "profiling", "random",
            "single_turn", "sharegpt", "sequential", "summary", "Always", "gpu-operator");
    private static final List<String> BAD_STRINGS = List.of("not a url", "bogus value", "/", "a/b", " ", "UPPER_case!", "?");

    /** One bad spec: what is wrong, the field a rejection must name, and the whole object to create. */
    public record Case(String description, String field, ObjectNode benchmark) {
        @Override
        public String toString() { return description; }
    }

    private static JsonNode specSchema;

    private BadBenchmarks() { }

    /** A Benchmark both the apiserver and the operator accept; every case is this with one fault. */
    public static ObjectNode valid(String name) {
        ObjectNode bm = F.objectNode().put("apiVersion", "redline.dev/v1alpha1").put("kind", "Benchmark");
        bm.putObject("metadata").put("name", name);
        ObjectNode spec = bm.putObject("spec");
        spec.putArray("models").add("m");
        spec.putObject("endpoint").put("url", "http://127.0.0.1:8000").put("streaming", true);
        spec.putArray("phases").addObject().put("concurrency", 2).put("requests", 10);
        return bm;
    }

    public static List<Case> all(Path crd) throws IOException {
        List<Case> cases = new ArrayList<>(fromSchema(crd));
        cases.addAll(crossField());
        return cases;
    }

    /** One case per constraint of every field of spec in the CRD's schema. */
    public static List<Case> fromSchema(Path crd) throws IOException {
        specSchema = YAML.readTree(crd.toFile()).at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
        List<Case> out = new ArrayList<>();
        walk(specSchema, "spec", List.of(), out);
        return out;
    }

    /** {@code steps}: property names, and "[]" for "the first item of this list" */
    private static void walk(JsonNode schema, String path, List<String> steps, List<Case> out) {
        if (SKIPPED.contains(path)) return;
        constraints(schema, path, steps, out);
        if (schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                var e = it.next();
                walk(e.getValue(), path + "." + e.getKey(), append(steps, e.getKey()), out);
            }
            for (JsonNode req : schema.path("required")) {
                String key = req.asText();
                if (steps.isEmpty()) continue;               // spec's own required fields are hand-written cases
                out.add(make(path + "." + key + " missing", path + "." + key, steps, parent -> parent.remove(key)));
            }
        }
        if (schema.path("items").has("properties")) walk(schema.get("items"), path + "[0]", append(steps, "[]"), out);
    }

    private static void constraints(JsonNode s, String path, List<String> steps, List<Case> out) {
        if (steps.isEmpty()) return;
        String type = s.path("type").asText();
        boolean integer = type.equals("integer");
        if (s.has("minimum")) {
            double min = s.get("minimum").asDouble();
            boolean exclusive = s.path("exclusiveMinimum").asBoolean(false);
            double bad = exclusive ? min : integer ? min - 1 : min - Math.max(Math.abs(min) / 2, 0.5);
            if (!exclusive && !integer && min > 0) bad = min / 2;
            out.add(leaf(path + " below its minimum (" + num(bad, integer) + ")", path, steps, num(bad, integer)));
        }
        if (s.has("maximum")) {
            double max = s.get("maximum").asDouble();
            out.add(leaf(path + " above its maximum", path, steps, num(integer ? max + 1 : max * 2, integer)));
        }
        if (s.has("pattern")) {
            Pattern p = Pattern.compile(s.get("pattern").asText());
            String bad = BAD_STRINGS.stream().filter(b -> !p.matcher(b).find()).findFirst().orElseThrow();
            out.add(leaf(path + " not matching " + p, path, steps, F.textNode(bad)));
        }
        if (s.has("enum")) out.add(leaf(path + " not in its enum", path, steps, F.textNode("bogus")));
        if (s.has("maxLength")) out.add(leaf(path + " too long", path, steps, F.textNode("a".repeat(s.get("maxLength").asInt() + 1))));
        if (s.has("minItems") && s.get("minItems").asInt() > 0) out.add(leaf(path + " empty", path, steps, F.arrayNode()));
        if (s.has("maxItems")) {
            ArrayNode many = F.arrayNode();
            for (int i = 0; i <= s.get("maxItems").asInt(); i++) many.add(sample(s.get("items"), i));
            out.add(leaf(path + " with too many items", path, steps, many));
        }
        if (s.has("maxProperties")) {
            ObjectNode many = F.objectNode();
            for (int i = 0; i <= s.get("maxProperties").asInt(); i++) many.set("k" + i, sample(s.get("additionalProperties"), i));
            out.add(leaf(path + " with too many entries", path, steps, many));
        }
    }

    private static Case leaf(String description, String path, List<String> steps, JsonNode value) {
        String last = steps.get(steps.size() - 1);
        return make(description, path, steps.subList(0, steps.size() - 1), parent -> parent.set(last, value));
    }

    /**
     * The valid Benchmark with the objects on {@code steps} created as the schema wants them (required
     * fields filled in, a list gets one item), then {@code fault} applied to the last of them.
     */
    private static Case make(String description, String field, List<String> steps, Consumer<ObjectNode> fault) {
        ObjectNode bm = valid("placeholder");
        ObjectNode node = (ObjectNode) bm.get("spec");
        JsonNode schema = specSchema;
        for (int i = 0; i < steps.size(); i++) {
            String key = steps.get(i);
            schema = schema.at("/properties/" + key);
            if (i + 1 < steps.size() && steps.get(i + 1).equals("[]")) {
                schema = schema.get("items");
                ArrayNode list = node.has(key) ? (ArrayNode) node.get(key) : node.putArray(key);
                if (list.isEmpty()) list.add(sample(schema, 0));
                node = (ObjectNode) list.get(0);
                i++;
            } else {
                if (!node.has(key)) node.set(key, sample(schema, 0));
                node = (ObjectNode) node.get(key);
            }
        }
        fault.accept(node);
        return new Case(description, field, bm);
    }

    /** A value that satisfies {@code s} (for the items of a too-long list). */
    private static JsonNode sample(JsonNode s, int i) {
        switch (s.path("type").asText()) {
            case "integer": return F.numberNode(s.has("minimum") ? s.get("minimum").asLong() + 1 : 1);
            case "number": return F.numberNode(s.has("minimum") ? s.get("minimum").asDouble() + 1 : 1);
            case "boolean": return F.booleanNode(false);
            case "object": {
                ObjectNode o = F.objectNode();
                for (JsonNode r : s.path("required")) o.set(r.asText(), sample(s.at("/properties/" + r.asText()), i));
                return o;
            }
            default: {
                if (s.has("enum")) return s.get("enum").get(0);
                Pattern p = s.has("pattern") ? Pattern.compile(s.get("pattern").asText()) : null;
                String v = p == null ? "x" + i : STRING_SAMPLES.stream().filter(c -> p.matcher(c).find()).findFirst().orElseThrow();
                return F.textNode(v);
            }
        }
    }

    private static JsonNode num(double v, boolean integer) {
        return integer ? F.numberNode((long) v) : F.numberNode(v);
    }

    private static List<String> append(List<String> steps, String step) {
        List<String> out = new ArrayList<>(steps);
        out.add(step);
        return out;
    }

    /** The rules a schema bound cannot say: required spec fields and CEL (x-kubernetes-validations). */
    public static List<Case> crossField() {
        List<Case> out = new ArrayList<>();
        out.add(custom("no spec at all", "spec", bm -> bm.remove("spec")));
        out.add(custom("no models", "spec.models", bm -> spec(bm).remove("models")));
        out.add(custom("an empty model name", "spec.models", bm -> spec(bm).putArray("models").add("")));
        out.add(custom("concurrency -5", "spec.phases[0].concurrency", bm -> phase(bm).put("concurrency", -5)));
        out.add(custom("requests 0", "spec.phases[0].requests", bm -> phase(bm).put("requests", 0)));
        out.add(custom("duration -1", "spec.phases[0].duration", bm -> phase(bm).put("duration", -1)));
        out.add(custom("url 'not a url'", "spec.endpoint.url", bm -> ((ObjectNode) spec(bm).get("endpoint")).put("url", "not a url")));
        out.add(custom("url with another scheme", "spec.endpoint.url", bm -> ((ObjectNode) spec(bm).get("endpoint")).put("url", "ftp://host:21")));
        out.add(custom("requests and sessions", "spec.phases[0].sessions", bm -> phase(bm).put("sessions", 5)));
        out.add(custom("poisson without a rate", "spec.phases[0].rate", bm -> phase(bm).put("type", "poisson")));
        out.add(custom("two load modes: concurrency type and a rate", "spec.phases[0].type", bm -> phase(bm).put("type", "concurrency").put("rate", 5)));
        out.add(custom("fixed schedule with a rate", "spec.phases[0].rate", bm -> phase(bm).put("type", "fixed_schedule").put("rate", 5)));
        out.add(custom("smoothness without gamma", "spec.phases[0].smoothness", bm -> phase(bm).put("type", "poisson").put("rate", 5).put("smoothness", 2)));
        out.add(custom("rate ramp without a rate", "spec.phases[0].rateRamp", bm -> phase(bm).put("rateRamp", 5)));
        out.add(custom("concurrency ramp without concurrency", "spec.phases[0].concurrencyRamp", bm -> phase(bm).put("concurrencyRamp", 5).remove("concurrency")));
        // a prefill ramp without prefill concurrency, and streaming on embeddings, are accepted as AIPerf accepts them (the ramp
        // has nothing to ramp; streaming is turned off with a warning), so neither is a bad Benchmark
        out.add(custom("prefill concurrency above concurrency", "spec.phases[0].prefillConcurrency", bm -> phase(bm).put("prefillConcurrency", 3)));
        out.add(custom("prefill concurrency without streaming", "spec.phases", bm -> {
            phase(bm).put("prefillConcurrency", 1);
            ((ObjectNode) spec(bm).get("endpoint")).put("streaming", false);
        }));
        out.add(custom("grace period without a duration", "spec.phases[0].gracePeriod", bm -> phase(bm).put("gracePeriod", 5)));
        out.add(custom("user_centric without users", "spec.phases[0].users", bm -> phase(bm).put("type", "user_centric").put("rate", 2).remove("concurrency")));
        out.add(custom("users without user_centric", "spec.phases[0].users", bm -> phase(bm).put("users", 4)));
        out.add(custom("fixedSchedule settings with poisson", "spec.phases[0].fixedSchedule", bm -> {
            phase(bm).put("type", "poisson").put("rate", 2).putObject("fixedSchedule").put("autoOffset", true);
        }));
        out.add(custom("autoOffset and startOffsetMs", "spec.phases[0].fixedSchedule.startOffsetMs", bm ->
                phase(bm).put("type", "fixed_schedule").putObject("fixedSchedule").put("autoOffset", true).put("startOffsetMs", 5)));
        out.add(custom("end offset before start offset", "spec.phases[0].fixedSchedule.endOffsetMs", bm ->
                phase(bm).put("type", "fixed_schedule").putObject("fixedSchedule").put("startOffsetMs", 500).put("endOffsetMs", 100)));
        out.add(custom("only a warmup phase", "spec.phases", bm -> phase(bm).put("kind", "warmup")));
        out.add(custom("two phases with one name", "spec.phases", bm -> ((ArrayNode) spec(bm).get("phases")).addObject().put("requests", 3)));
        out.add(custom("isl stddev without a mean", "spec.dataset.prompts.isl.stddev", bm ->
                spec(bm).putObject("dataset").putObject("prompts").putObject("isl").put("stddev", 3)));
        out.add(custom("prefix prompts without a length", "spec.dataset.prompts.prefixPromptCount", bm ->
                spec(bm).putObject("dataset").putObject("prompts").put("prefixPromptCount", 3)));
        out.add(custom("a prefix length without a count", "spec.dataset.prompts.prefixPromptLength", bm ->
                spec(bm).putObject("dataset").putObject("prompts").put("prefixPromptLength", 3)));
        out.add(custom("a dataset type without a file", "spec.dataset.customDatasetType", bm ->
                spec(bm).putObject("dataset").put("customDatasetType", "single_turn")));
        out.add(custom("a dataset type with a public dataset", "spec.dataset.customDatasetType", bm ->
                spec(bm).putObject("dataset").put("customDatasetType", "single_turn").put("inputFile", "/d.jsonl").put("publicDataset", "sharegpt")));
        out.add(custom("a goodput metric typo", "spec.goodput", bm -> spec(bm).putObject("goodput").put("time_to_frist_token", 100)));
        out.add(custom("a negative goodput threshold", "spec.goodput", bm -> spec(bm).putObject("goodput").put("request_latency", -1)));
        out.add(custom("a baseline naming a Benchmark and a ConfigMap", "spec.baselineRef", bm ->
                spec(bm).putObject("baselineRef").put("benchmark", "a").put("configMap", "b")));
        out.add(custom("a baseline naming nothing", "spec.baselineRef", bm -> spec(bm).putObject("baselineRef")));
        out.add(custom("a baseline run without its Benchmark", "spec.baselineRef", bm ->
                spec(bm).putObject("baselineRef").put("configMap", "b").put("run", 2)));
        out.add(custom("regression settings without a baseline", "spec.regression", bm ->
                spec(bm).putObject("regression").put("tolerancePercent", 5)));
        // runner pod fields: what the operator itself sets on the pod is refused (CEL on spec.runners)
        out.add(custom("a pod label the operator selects on", "spec.runners.podLabels", bm ->
                runners(bm).putObject("podLabels").put("redline.dev/run", "7")));
        out.add(custom("the managed-by pod label", "spec.runners.podLabels", bm ->
                runners(bm).putObject("podLabels").put("team", "a").put("app.kubernetes.io/managed-by", "me")));
        out.add(custom("a Job controller pod label", "spec.runners.podLabels", bm ->
                runners(bm).putObject("podLabels").put("batch.kubernetes.io/job-name", "x")));
        out.add(custom("the Prometheus scrape annotation", "spec.runners.podAnnotations", bm ->
                runners(bm).putObject("podAnnotations").put("prometheus.io/scrape", "false")));
        out.add(custom("an env name of the runner contract", "spec.runners.env", bm ->
                runners(bm).putArray("env").addObject().put("name", "REDLINE_RUN").put("value", "9")));
        out.add(custom("HOME in env", "spec.runners.env", bm ->
                runners(bm).putArray("env").addObject().put("name", "HOME").put("value", "/root")));
        out.add(custom("an env entry without a name", "spec.runners.env", bm ->
                runners(bm).putArray("env").addObject().put("value", "1")));
        out.add(custom("two Secret mounts at one path", "spec.runners.secretMounts", bm -> {
            ArrayNode mounts = runners(bm).putArray("secretMounts");
            mounts.addObject().put("secretName", "a").put("mountPath", "/etc/a");
            mounts.addObject().put("secretName", "b").put("mountPath", "/etc/a");
        }));
        out.add(custom("a Secret mounted over the runner's scratch space", "spec.runners.secretMounts", bm ->
                runners(bm).putArray("secretMounts").addObject().put("secretName", "a").put("mountPath", "/tmp")));
        out.add(custom("a ConfigMap mounted over the runner's spec", "spec.runners.configMapMounts", bm ->
                runners(bm).putArray("configMapMounts").addObject().put("configMapName", "f").put("mountPath", "/etc/redline")));
        out.add(custom("a ConfigMap and a Secret at one path", "spec.runners.configMapMounts", bm -> {
            ObjectNode r = runners(bm);
            r.putArray("secretMounts").addObject().put("secretName", "a").put("mountPath", "/data");
            r.putArray("configMapMounts").addObject().put("configMapName", "f").put("mountPath", "/data");
        }));
        out.add(custom("a ConfigMap item that climbs out of its directory", "spec.runners.configMapMounts[0].items[0].path", bm ->
                runners(bm).putArray("configMapMounts").addObject().put("configMapName", "f").put("mountPath", "/data")
                        .putArray("items").addObject().put("key", "k").put("path", "a/../../etc/passwd")));
        return out;
    }

    private static ObjectNode runners(ObjectNode bm) {
        return spec(bm).putObject("runners");
    }

    private static Case custom(String description, String field, Consumer<ObjectNode> fault) {
        ObjectNode bm = valid("placeholder");
        fault.accept(bm);
        return new Case(description, field, bm);
    }

    private static ObjectNode spec(ObjectNode bm) {
        return (ObjectNode) bm.get("spec");
    }

    private static ObjectNode phase(ObjectNode bm) {
        return (ObjectNode) spec(bm).get("phases").get(0);
    }
}
