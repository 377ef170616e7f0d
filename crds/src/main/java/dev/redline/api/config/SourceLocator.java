package dev.redline.api.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names where a node of a parsed spec came from, for messages: {@code file.yaml:12:5} when the reader kept
 * positions, else just the source name.
 */
@FunctionalInterface
public interface SourceLocator {
    String describe(JsonNode node);

    /** A locator that knows no positions. */
    static SourceLocator of(String source) {
        return node -> source;
    }
}
