package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Warmup phases are drained and excluded from results; profiling phases are measured. */
public enum PhaseKind {
    @JsonProperty("warmup") WARMUP,
    @JsonProperty("profiling") PROFILING;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
