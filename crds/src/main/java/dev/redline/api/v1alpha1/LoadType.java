package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a phase paces its requests. {@code concurrency} is the closed model (a new request as soon as a
 * slot frees); the arrival patterns are the open model at {@code rate} requests/s.
 */
public enum LoadType {
    @JsonProperty("concurrency") CONCURRENCY("concurrency"),
    @JsonProperty("constant") CONSTANT("constant"),
    @JsonProperty("poisson") POISSON("poisson"),
    @JsonProperty("gamma") GAMMA("gamma"),
    @JsonProperty("user_centric") USER_CENTRIC("user_centric"),
    @JsonProperty("fixed_schedule") FIXED_SCHEDULE("fixed_schedule");

    private final String wireName;

    LoadType(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public boolean isOpenModel() { return this == CONSTANT || this == POISSON || this == GAMMA; }

    public static LoadType fromName(String name) {
        for (LoadType t : values()) {
            if (t.wireName.equalsIgnoreCase(name)) return t;
        }
        return null;
    }
}
