package dev.redline.api.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.validate.Suggestions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed spec tree alongside the Java model: rewrites snake_case and kebab-case keys of model
 * objects to their camelCase property names (free-form maps such as headers keep their keys), and
 * reports every key the model does not know, with the nearest known one.
 */
final class KeyNormalizer {
    private final ObjectMapper mapper;
    private final List<SpecException> unknown = new ArrayList<>();

    KeyNormalizer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One problem per unknown key, in file order; each names the key's path and carries its value node. */
    List<SpecException> unknownKeys() {
        return unknown;
    }

    void normalise(JsonNode node, JavaType type, String path) {
        if (node == null || node.isNull()) return;
        if (type.isContainerType()) {
            JavaType content = type.getContentType();
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) normalise(array.get(i), content, path + "[" + i + "]");
            } else if (node instanceof ObjectNode obj && type.isMapLikeType()) {
                obj.fields().forEachRemaining(e -> normalise(e.getValue(), content, join(path, e.getKey())));
            } else if (!node.isContainerNode() && type.isCollectionLikeType()) {
                normalise(node, content, path); // single value accepted as a one-element list
            }
            return;
        }
        if (!(node instanceof ObjectNode obj) || !isModelType(type)) return;
        Map<String, JavaType> props = properties(type);
        Map<String, JsonNode> rewritten = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = props.containsKey(e.getKey()) ? e.getKey() : camel(e.getKey());
            if (!props.containsKey(key)) {
                unknown.add(new SpecException(join(path, e.getKey()) + ": unknown key" + Suggestions.didYouMean(e.getKey(), props.keySet())
                        + "; known keys: " + String.join(", ", props.keySet()), e.getValue()));
                rewritten.put(e.getKey(), e.getValue());
                continue;
            }
            normalise(e.getValue(), props.get(key), join(path, key));
            rewritten.put(key, e.getValue());
        }
        obj.removeAll();
        rewritten.forEach(obj::set);
    }

    private boolean isModelType(JavaType type) {
        return type.getRawClass().getName().startsWith("dev.redline.");
    }

    private Map<String, JavaType> properties(JavaType type) {
        BeanDescription desc = mapper.getDeserializationConfig().introspect(type);
        Map<String, JavaType> out = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : desc.findProperties()) {
            if (!p.couldDeserialize()) continue;
            JavaType pt = p.getPrimaryType();
            out.put(p.getName(), pt);
            for (var alias : p.findAliases()) out.put(alias.getSimpleName(), pt);
        }
        return out;
    }

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

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
