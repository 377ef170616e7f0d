package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** AIPerf's coercion of a substituted or rendered string: true/false, then an int, then a float, else the string. */
final class Scalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Scalars() { }

    static JsonNode coerce(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) return NODES.booleanNode(true);
        if (t.equalsIgnoreCase("false")) return NODES.booleanNode(false);
        try {
            return NODES.numberNode(Long.parseLong(t));
        } catch (NumberFormatException notInt) {
            // fall through
        }
        try {
            double d = Double.parseDouble(t);
            if (!t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith(".")) return NODES.numberNode(d);
        } catch (NumberFormatException notFloat) {
            // fall through
        }
        return NODES.textNode(s);
    }
}
