package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where AIPerf's cache-bust marker goes (its --cache-bust values). */
public enum CacheBustTarget {
    @JsonProperty("none") NONE("none"),
    /** A per-session [rid:digest] marker before the system prompt (or the first user turn when there is none). */
    @JsonProperty("system_prefix") SYSTEM_PREFIX("system_prefix"),
    /** The same marker after the system prompt (or the first user turn). */
    @JsonProperty("system_suffix") SYSTEM_SUFFIX("system_suffix"),
    /** The marker before the session's first user turn. */
    @JsonProperty("first_turn_prefix") FIRST_TURN_PREFIX("first_turn_prefix"),
    /** The marker after the session's first user turn. */
    @JsonProperty("first_turn_suffix") FIRST_TURN_SUFFIX("first_turn_suffix"),
    /** A constant [warmup] marker before the system prompt (or first user turn), in warmup requests only. */
    @JsonProperty("warmup_isolation_system") WARMUP_ISOLATION_SYSTEM("warmup_isolation_system"),
    /** A constant [warmup] marker before the first user turn, in warmup requests only. */
    @JsonProperty("warmup_isolation_first_turn") WARMUP_ISOLATION_FIRST_TURN("warmup_isolation_first_turn");

    private final String wireName;

    CacheBustTarget(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    /** The target named {@code name} in any case, or null. */
    public static CacheBustTarget fromName(String name) {
        for (CacheBustTarget t : values()) if (t.wireName.equalsIgnoreCase(name == null ? "" : name.trim())) return t;
        return null;
    }

    /** Whether the marker goes before the text it marks (else after). */
    public boolean prefix() { return this != SYSTEM_SUFFIX && this != FIRST_TURN_SUFFIX; }

    /** Whether the marker goes on the system prompt when there is one (else on the first user turn). */
    public boolean system() { return this == SYSTEM_PREFIX || this == SYSTEM_SUFFIX || this == WARMUP_ISOLATION_SYSTEM; }

    /** The constant warmup-only marker instead of a per-session digest. */
    public boolean warmupIsolation() { return this == WARMUP_ISOLATION_SYSTEM || this == WARMUP_ISOLATION_FIRST_TURN; }
}
