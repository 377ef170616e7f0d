package dev.redline.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.redline.api.config.SourceLocator;
import dev.redline.api.config.SpecException;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document parsed into a Jackson tree that remembers where each value was written: the line and
 * column of its key (or, in a list, of the item). Positions follow the node objects, so they survive the tree
 * being rearranged; {@link #moved} carries them over to a node that replaces another.
 */
public final class PositionedYaml implements SourceLocator {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final JsonNode root;
    private final Map<JsonNode, int[]> positions;

    private PositionedYaml(String source, JsonNode root, Map<JsonNode, int[]> positions) {
        this.source = source;
        this.root = root;
        this.positions = positions;
    }

    /** Parses {@code text}; a syntax error is a SpecException naming {@code source:line:column}. */
    public static PositionedYaml parse(String text, String source) {
        Map<JsonNode, int[]> positions = new IdentityHashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new PositionedYaml(source, null, positions);
            JsonNode root = read(p, positions);
            positions.put(root, at(p.currentTokenLocation()));
            return new PositionedYaml(source, root, positions);
        } catch (SpecException duplicate) {
            int[] at = positions.get(duplicate.node());
            throw new SpecException((at == null ? source : source + ":" + at[0] + ":" + at[1]) + ": " + duplicate.getMessage());
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? source : source + ":" + l.getLineNr() + ":" + l.getColumnNr();
            throw new SpecException(where + ": not valid YAML (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new SpecException(source + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads the value at the current token (the parser is on its first token). */
    private static JsonNode read(JsonParser p, Map<JsonNode, int[]> positions) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int[] keyAt = at(p.currentTokenLocation());
                    p.nextToken();
                    JsonNode value = read(p, positions);
                    positions.put(value, keyAt);
                    if (obj.has(key)) {
                        throw new SpecException("key '" + key + "' appears twice in one mapping; keep one", value);
                    }
                    obj.set(key, value);
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int[] itemAt = at(p.currentTokenLocation());
                    JsonNode value = read(p, positions);
                    positions.put(value, itemAt);
                    arr.add(value);
                }
                return arr;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDoubleValue()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            default -> { return NODES.textNode(p.getText()); }
        }
    }

    private static int[] at(JsonLocation l) {
        return new int[] {l.getLineNr(), l.getColumnNr()};
    }

    public JsonNode root() { return root; }

    public String source() { return source; }

    /** {@code source:line:column} of the node's key, or the source alone when the node has no known position. */
    @Override
    public String describe(JsonNode node) {
        int[] at = node == null ? null : positions.get(node);
        return at == null ? source : source + ":" + at[0] + ":" + at[1];
    }

    /** Gives {@code replacement} the position of {@code original} (a rewritten value stays where it was written). */
    public void moved(JsonNode original, JsonNode replacement) {
        int[] at = positions.get(original);
        if (at != null && replacement != null) positions.putIfAbsent(replacement, at);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
