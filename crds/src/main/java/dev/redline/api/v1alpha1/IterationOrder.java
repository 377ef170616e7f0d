package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Order of variations and trials when a sweep runs several trials per variation (AIPerf's --parameter-sweep-mode). */
public enum IterationOrder {
    /** Trials outer, variations inner: every variation once, then every variation again (AIPerf's default). */
    @JsonProperty("repeated") REPEATED("repeated"),
    /** Variations outer, trials inner: all trials of one variation before the next. */
    @JsonProperty("independent") INDEPENDENT("independent");

    private final String wireName;

    IterationOrder(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static IterationOrder fromName(String name) {
        for (IterationOrder o : values()) if (o.wireName.equalsIgnoreCase(name == null ? "" : name.trim())) return o;
        return null;
    }
}
