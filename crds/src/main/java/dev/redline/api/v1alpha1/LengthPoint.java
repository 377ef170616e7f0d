package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One weighted value of an empirical length distribution (AIPerf's {@code points}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LengthPoint {
    @JsonPropertyDescription("The length in tokens.")
    private Double value;

    @JsonPropertyDescription("Relative weight (> 0). Default 1.")
    private Double weight;

    public Double getValue() { return value; }
    public void setValue(Double value) { this.value = value; }
    public Double getWeight() { return weight; }
    public void setWeight(Double weight) { this.weight = weight; }

    public double resolvedWeight() { return weight == null ? 1.0 : weight; }
}
