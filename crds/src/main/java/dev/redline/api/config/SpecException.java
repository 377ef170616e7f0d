package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A spec that cannot be read or bound: the message is one line naming the source, the field and the fix.
 * {@link #node()} is the tree node the problem is at (when known), so a file reader can add its line and column.
 */
public class SpecException extends RuntimeException {
    private final transient JsonNode node;

    public SpecException(String message) {
        this(message, (JsonNode) null);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
        this.node = null;
    }

    public SpecException(String message, JsonNode node) {
        super(message);
        this.node = node;
    }

    /** The node the problem is at, or null. */
    public JsonNode node() {
        return node;
    }
}
