package dev.redline.api.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a {@link BenchmarkSpec} from YAML or JSON (JSON is YAML). Keys may be camelCase or snake_case, and
 * AIPerf's shorthands are expanded; a bare {@code benchmark: {...}} wrapper is accepted (the full schemaVersion 2.0
 * envelope with variables and templates is read by the runner's config loader, which then calls {@link #bindFile}). Every problem becomes a one-line
 * {@link SpecException} naming the file, the field path and the fix.
 */
public final class SpecReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private SpecReader() { }

    public static ObjectMapper mapper() {
        return YAML;
    }

    /** A snake_case or kebab-case key as the model's camelCase property name ({@code multi_run -> multiRun}). */
    public static String camelCase(String key) {
        return KeyNormalizer.camel(key);
    }

    public static BenchmarkSpec read(Path file) {
        return read(text(file), file.toString());
    }

    public static BenchmarkSpec read(String text, String source) {
        return read(text, source, BenchmarkSpec.class);
    }

    /** Reads any model type (e.g. a Sweep spec) with the same key handling and messages. */
    public static <T> T read(String text, String source, Class<T> type) {
        ObjectNode root = tree(text, source);
        if (type == BenchmarkSpec.class && root.size() == 1 && root.has("benchmark") && root.get("benchmark").isObject()) {
            root = (ObjectNode) root.get("benchmark");
        }
        if (type == BenchmarkSpec.class) return type.cast(bindFile(root, SourceLocator.of(source)));
        return bind(root, source, type);
    }

    /** The text of a config file; a one-line SpecException when it cannot be read. */
    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": file not found; check the path given to -f/--config");
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read (" + e.getMessage() + "); check the path and its permissions");
        }
    }

    /** Parses YAML/JSON whose top level must be a mapping; a one-line SpecException otherwise. */
    public static ObjectNode tree(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new SpecException(source + where + ": not valid YAML (" + e.getOriginalMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SpecException(source + ": the file is empty; write a benchmark spec (see config/samples)");
        }
        if (!root.isObject()) {
            throw new SpecException(source + ": expected a mapping of keys at the top level, got " + root.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) root;
    }

    /**
     * Binds the benchmark body of a file: AIPerf's shorthands are expanded first ({@link AiperfDialect}), then keys
     * are normalised and checked; every message starts with where the offending node is ({@code file:line:col}
     * when the locator knows positions).
     */
    public static BenchmarkSpec bindFile(ObjectNode benchmark, SourceLocator locator) {
        try {
            AiperfDialect.expand(benchmark);
        } catch (SpecException e) {
            throw new SpecException(locator.describe(e.node()) + ": " + e.getMessage(), e.node());
        } catch (IllegalStateException notAMapping) {
            throw new SpecException(locator.describe(benchmark) + ": " + notAMapping.getMessage() + ": expected a mapping here", benchmark);
        }
        return bind(benchmark, locator, BenchmarkSpec.class);
    }

    /** Binds an already-parsed tree (e.g. a CR spec fetched from the API server). */
    public static <T> T bind(ObjectNode root, String source, Class<T> type) {
        return bind(root, SourceLocator.of(source), type);
    }

    /** As {@link #bind(ObjectNode, String, Class)}, naming positions through {@code locator}. */
    public static <T> T bind(ObjectNode root, SourceLocator locator, Class<T> type) {
        JavaType javaType = YAML.constructType(type);
        KeyNormalizer normalizer = new KeyNormalizer(YAML);
        normalizer.normalise(root, javaType, "");
        List<SpecException> unknown = normalizer.unknownKeys();
        if (!unknown.isEmpty()) {
            SpecException first = unknown.get(0);
            throw new SpecException(locator.describe(first.node()) + ": " + first.getMessage(), first.node());
        }
        try {
            return YAML.treeToValue(root, type);
        } catch (JsonProcessingException e) {
            JsonNode at = e instanceof JsonMappingException jme ? nodeAt(root, jme) : null;
            throw new SpecException(locator.describe(at == null ? root : at) + ": " + describe(e), at);
        }
    }

    /** The node a mapping error's path points at (the deepest one that exists). */
    static JsonNode nodeAt(JsonNode root, JsonMappingException e) {
        JsonNode n = root;
        for (JsonMappingException.Reference ref : e.getPath()) {
            JsonNode next = ref.getIndex() >= 0 ? n.get(ref.getIndex()) : ref.getFieldName() == null ? null : n.get(ref.getFieldName());
            if (next == null) break;
            n = next;
        }
        return n;
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException jme ? pathOf(jme) : "";
        String prefix = path.isEmpty() ? "" : path + ": ";
        if (e instanceof InvalidFormatException ife) {
            Class<?> target = ife.getTargetType();
            if (target == dev.redline.api.v1alpha1.EndpointType.class) {
                return prefix + dev.redline.api.v1alpha1.EndpointType.unknownReason(String.valueOf(ife.getValue()));
            }
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants())
                        .map(c -> c.toString().toLowerCase()).collect(Collectors.joining(", "));
                return prefix + "'" + ife.getValue() + "' is not allowed; use one of " + allowed;
            }
            return prefix + "'" + ife.getValue() + "' is not a valid " + simpleType(target);
        }
        if (e instanceof MismatchedInputException mie) {
            return prefix + "expected " + simpleType(mie.getTargetType()) + " here";
        }
        return prefix + e.getOriginalMessage();
    }

    private static String simpleType(Class<?> t) {
        if (t == null) return "value";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "whole number";
        if (t == Double.class || t == double.class) return "number";
        if (t == Boolean.class || t == boolean.class) return "true/false value";
        if (t == String.class) return "string";
        if (java.util.Collection.class.isAssignableFrom(t)) return "list";
        if (java.util.Map.class.isAssignableFrom(t)) return "mapping";
        return "mapping (" + t.getSimpleName() + ")";
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(ref.getFieldName());
            }
        }
        return sb.toString();
    }
}
