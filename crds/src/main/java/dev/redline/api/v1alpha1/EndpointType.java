package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The API shape the benchmark speaks (AIPerf's {@code --endpoint-type}). */
public enum EndpointType {
    @JsonProperty("chat") CHAT("chat", "/v1/chat/completions", true, true),
    @JsonProperty("completions") COMPLETIONS("completions", "/v1/completions", true, true),
    @JsonProperty("embeddings") EMBEDDINGS("embeddings", "/v1/embeddings", false, false);

    private final String wireName;
    private final String defaultPath;
    private final boolean supportsStreaming;
    private final boolean producesTokens;

    EndpointType(String wireName, String defaultPath, boolean supportsStreaming, boolean producesTokens) {
        this.wireName = wireName;
        this.defaultPath = defaultPath;
        this.supportsStreaming = supportsStreaming;
        this.producesTokens = producesTokens;
    }

    public String wireName() { return wireName; }
    public String defaultPath() { return defaultPath; }
    public boolean supportsStreaming() { return supportsStreaming; }
    public boolean producesTokens() { return producesTokens; }

    /** Parses the user-facing name (AIPerf also writes them with hyphens: hf-tei-rankings); returns null when unknown. */
    public static EndpointType fromName(String name) {
        String n = name.trim().replace('-', '_');
        for (EndpointType t : values()) {
            if (t.wireName.equalsIgnoreCase(n)) return t;
        }
        return null;
    }
}
