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
 * Reads a {@link BenchmarkSpec} from YAML or JSON (JSON is YAML). Keys may be camelCase or snake_case;
 * an AIPerf-style envelope ({@code benchmark: {...}}) is accepted. Every problem becomes a one-line
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
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SpecException(source + ": not valid YAML" + where + " (" + e.getOriginalMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SpecException(source + ": the file is empty; write a benchmark spec (see config/samples)");
        }
        if (!root.isObject()) {
            throw new SpecException(source + ": expected a mapping of keys at the top level, got " + root.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) root;
    }

    /** Binds an already-parsed tree (e.g. a CR spec fetched from the API server). */
    public static <T> T bind(ObjectNode root, String source, Class<T> type) {
        JavaType javaType = YAML.constructType(type);
        KeyNormalizer normalizer = new KeyNormalizer(YAML);
        normalizer.normalise(root, javaType, "");
        List<String> unknown = normalizer.unknownKeys();
        if (!unknown.isEmpty()) {
            throw new SpecException(source + ": " + unknown.get(0));
        }
        try {
            return YAML.treeToValue(root, type);
        } catch (JsonProcessingException e) {
            throw new SpecException(source + ": " + describe(e));
        }
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
