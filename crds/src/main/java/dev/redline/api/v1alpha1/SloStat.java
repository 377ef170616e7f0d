package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Statistic of a distribution an SLO compares; scalar metrics ignore it. */
public enum SloStat {
    @JsonProperty("avg") AVG,
    @JsonProperty("p50") P50,
    @JsonProperty("p90") P90,
    @JsonProperty("p95") P95,
    @JsonProperty("p99") P99;

    public String wireName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
