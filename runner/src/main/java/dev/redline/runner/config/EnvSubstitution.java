package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.redline.api.config.SpecException;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIPerf's {@code ${VAR}} / {@code ${VAR:default}} substitution in the string values of a config, before templates
 * are rendered. A value that is only a reference becomes a boolean or number when the result reads as one
 * ({@code timeout: ${TIMEOUT:600}} is the number 600). A reference to an unset variable without a default, or an
 * unterminated {@code ${}, is an error naming the variable and where it was written. Keys are never substituted.
 */
public final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern WHOLE = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?}$");
    private static final Pattern UNTERMINATED = Pattern.compile("\\$\\{[^}\\n]*$");

    private final Function<String, String> env;
    private final PositionedYaml positions;

    public EnvSubstitution(Function<String, String> env, PositionedYaml positions) {
        this.env = env;
        this.positions = positions;
    }

    /** Substitutes throughout {@code node}, returning it (or its replacement when it is itself a string). */
    public JsonNode apply(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(obj)) {
                JsonNode v = apply(e.getValue());
                if (v != e.getValue()) obj.set(e.getKey(), v);
            }
            return obj;
        }
        if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = apply(arr.get(i));
                if (v != arr.get(i)) arr.set(i, v);
            }
            return arr;
        }
        if (node instanceof TextNode t && t.asText().contains("${")) {
            JsonNode out = substitute(t);
            positions.moved(t, out);
            return out;
        }
        return node;
    }

    private JsonNode substitute(TextNode node) {
        String text = node.asText();
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) value = m.group(2);
            if (value == null) {
                throw new SpecException(positions.describe(node) + ": environment variable " + m.group(1)
                        + " is not set and has no default; export it or write ${" + m.group(1) + ":default}", node);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        String out = sb.toString();
        if (UNTERMINATED.matcher(out).find()) {
            throw new SpecException(positions.describe(node) + ": unterminated environment reference in '" + text
                    + "': '${' has no closing '}'; close it", node);
        }
        return WHOLE.matcher(text).matches() ? Scalars.coerce(out) : JsonNodeFactory.instance.textNode(out);
    }
}
