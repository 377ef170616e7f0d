package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One evaluated objective. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloResult {
    @JsonPropertyDescription("The objective, e.g. 'time_to_first_token p99 <= 200'.")
    private String objective;
    @JsonPropertyDescription("Measured value; absent when the metric is not in the results.")
    private Double actual;
    @JsonPropertyDescription("Whether the objective holds.")
    private Boolean met;

    public SloResult() { }

    public SloResult(String objective, Double actual, Boolean met) {
        this.objective = objective;
        this.actual = actual;
        this.met = met;
    }

    public String getObjective() { return objective; }
    public void setObjective(String objective) { this.objective = objective; }
    public Double getActual() { return actual; }
    public void setActual(Double actual) { this.actual = actual; }
    public Boolean getMet() { return met; }
    public void setMet(Boolean met) { this.met = met; }
}
