package dev.redline.runner.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchSpec;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepResourceSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.config.ConfigTemplates;
import dev.redline.runner.config.EnvSubstitution;
import dev.redline.runner.config.PositionedYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Benchmark, Sweep or Search manifest read from a file, with {@code ${VAR}} and {@code {{ }}} resolved, bound to the
 * resource's model (unknown keys rejected, file:line:column named) and its benchmark validated as the operator would:
 * what {@code kube validate}, {@code kube show} and {@code kube profile -f} read.
 */
public final class KubeResourceFile {
    static final String API_VERSION = Benchmark.GROUP + "/" + Benchmark.VERSION;
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** {@code resource} is null when {@code errors} says why it could not be read. */
    public record Result(Path file, HasMetadata resource, List<String> errors) {
        public boolean valid() { return errors.isEmpty(); }
    }

    private KubeResourceFile() { }

    /** True when the file's top level is a redline.dev resource (apiVersion and kind), not a benchmark config. */
    public static boolean isResource(Path file) {
        try {
            JsonNode root = resourceNode(PositionedYaml.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).root());
            return root instanceof ObjectNode o && o.has("kind") && o.path("apiVersion").asText("").startsWith(Benchmark.GROUP + "/");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Result read(Path file) {
        return read(file, System::getenv);
    }

    static Result read(Path file, Function<String, String> env) {
        List<String> errors = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Result(file, null, List.of(file + ": cannot read it (" + e.getMessage() + ")"));
        }
        try {
            PositionedYaml yaml = PositionedYaml.parse(text, file.toString());
            if (!(resourceNode(yaml.root()) instanceof ObjectNode root)) {
                return new Result(file, null, List.of(file + ": expected a Benchmark, Sweep or Search manifest (apiVersion, kind, metadata, spec)"));
            }
            new EnvSubstitution(env, yaml).apply(root);
            String apiVersion = root.path("apiVersion").asText(null);
            String kind = root.path("kind").asText(null);
            if (!API_VERSION.equals(apiVersion)) {
                errors.add(file + ": apiVersion must be " + API_VERSION + (apiVersion == null ? "" : ", got " + apiVersion)
                        + (kind != null && kind.startsWith("AIPerf") ? " (an AIPerf " + kind + " is written as a Redline Benchmark or Sweep: see docs/migrating-from-aiperf.md)" : ""));
                return new Result(file, null, errors);
            }
            Class<?> specType = switch (kind == null ? "" : kind) {
                case "Benchmark" -> BenchmarkResourceSpec.class;
                case "Sweep" -> SweepResourceSpec.class;
                case "Search" -> SearchSpec.class;
                default -> null;
            };
            if (specType == null) {
                errors.add(file + ": kind must be Benchmark, Sweep or Search" + (kind == null ? "" : ", got " + kind));
                return new Result(file, null, errors);
            }
            ObjectMeta meta = metadata(root, file, errors);
            if (!(root.get("spec") instanceof ObjectNode spec)) {
                errors.add(file + ": " + kind + " has no spec; add one (redline kube init prints a starting point)");
                return new Result(file, null, errors);
            }
            new ConfigTemplates(yaml).render(spec);
            Object bound = SpecReader.bind(spec, yaml, specType);
            HasMetadata resource = switch (kind) {
                case "Benchmark" -> { Benchmark b = new Benchmark(); b.setSpec((BenchmarkResourceSpec) bound); yield b; }
                case "Sweep" -> { Sweep s = new Sweep(); s.setSpec((SweepResourceSpec) bound); yield s; }
                default -> { Search s = new Search(); s.setSpec((SearchSpec) bound); yield s; }
            };
            resource.setMetadata(meta);
            BenchmarkResourceSpec template = template(resource);
            String at = resource instanceof Benchmark ? "spec" : "spec.template";
            if (template == null) {
                errors.add(file + ": " + kind + " has no " + at + "; add the benchmark to run");
            } else {
                for (Violation v : SpecValidator.validate(template)) errors.add(file + ": " + at + "." + v);
            }
            return new Result(file, resource, errors);
        } catch (SpecException e) {
            errors.add(e.getMessage());
            return new Result(file, null, errors);
        }
    }

    /** A v1 List ({@code kube profile --dry-run} with local files) holds the resource as one of its items. */
    private static JsonNode resourceNode(JsonNode root) {
        if (root instanceof ObjectNode o && "List".equals(o.path("kind").asText()) && o.get("items") instanceof com.fasterxml.jackson.databind.node.ArrayNode items) {
            for (JsonNode item : items) {
                if (item.path("apiVersion").asText("").startsWith(Benchmark.GROUP + "/")) return item;
            }
        }
        return root;
    }

    /**
     * The ConfigMaps beside the resource in the file (the further YAML documents of {@code kube generate}, the List
     * items of {@code kube profile --dry-run}): the local files that travel with it.
     */
    static List<io.fabric8.kubernetes.api.model.ConfigMap> configMaps(Path file) {
        List<io.fabric8.kubernetes.api.model.ConfigMap> out = new ArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
        try (var docs = mapper.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                List<JsonNode> nodes = new ArrayList<>();
                if ("List".equals(doc.path("kind").asText())) doc.path("items").forEach(nodes::add);
                else nodes.add(doc);
                for (JsonNode n : nodes) {
                    if ("v1".equals(n.path("apiVersion").asText()) && "ConfigMap".equals(n.path("kind").asText())) {
                        out.add(serialization.convertValue(n, io.fabric8.kubernetes.api.model.ConfigMap.class));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return out; // the resource itself was read; a broken extra document holds no files of it
        }
        return out;
    }

    static BenchmarkResourceSpec template(HasMetadata resource) {
        if (resource instanceof Benchmark b) return b.getSpec();
        if (resource instanceof Sweep s) return s.getSpec().getTemplate();
        if (resource instanceof Search s) return s.getSpec().getTemplate();
        return null;
    }

    private static ObjectMeta metadata(ObjectNode root, Path file, List<String> errors) {
        ObjectMeta meta = new ObjectMeta();
        JsonNode m = root.get("metadata");
        if (m instanceof ObjectNode o) {
            meta.setName(o.path("name").asText(null));
            meta.setNamespace(o.path("namespace").asText(null));
            if (o.get("labels") instanceof ObjectNode l) meta.setLabels(SpecReader.mapper().convertValue(l, Map.class));
            if (o.get("annotations") instanceof ObjectNode a) meta.setAnnotations(SpecReader.mapper().convertValue(a, Map.class));
        }
        String name = meta.getName();
        if (name == null || name.isBlank()) {
            errors.add(file + ": metadata.name is missing; give the resource a name");
        } else if (name.length() > 63 || !DNS_1123.matcher(name).matches()) {
            errors.add(file + ": metadata.name " + name + ": must be a DNS label (lower-case letters, digits, '-', at most 63 characters)");
        }
        return meta;
    }
}
