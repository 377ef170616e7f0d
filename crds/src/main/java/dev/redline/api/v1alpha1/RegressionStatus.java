package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.redline.compare.MetricComparison;

import java.util.List;

/** The regression gate's figures for the current run (the Regressed condition says the verdict in one line). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegressionStatus {
    @JsonPropertyDescription("What was compared with, e.g. 'Benchmark nightly run 3' or 'ConfigMap base'.")
    private String baseline;
    @JsonPropertyDescription("The ConfigMap whose samples.json was the baseline.")
    private String baselineResultsConfigMap;
    @JsonPropertyDescription("The run of this Benchmark that was judged (status.run).")
    private Integer run;
    @JsonPropertyDescription("Regressed, NoRegression or Inconclusive.")
    private String outcome;
    @JsonPropertyDescription("Tolerance in percent used.")
    private Double tolerancePercent;
    @JsonPropertyDescription("Alpha used.")
    private Double alpha;
    @JsonPropertyDescription("Each gated figure with its evidence.")
    private List<MetricComparison> metrics;
    @JsonPropertyDescription("Identity of the inputs (run, baseline, settings); the figures are recomputed only when it changes.")
    private String inputs;

    public String getBaseline() { return baseline; }
    public void setBaseline(String baseline) { this.baseline = baseline; }
    public String getBaselineResultsConfigMap() { return baselineResultsConfigMap; }
    public void setBaselineResultsConfigMap(String baselineResultsConfigMap) { this.baselineResultsConfigMap = baselineResultsConfigMap; }
    public Integer getRun() { return run; }
    public void setRun(Integer run) { this.run = run; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public Double getTolerancePercent() { return tolerancePercent; }
    public void setTolerancePercent(Double tolerancePercent) { this.tolerancePercent = tolerancePercent; }
    public Double getAlpha() { return alpha; }
    public void setAlpha(Double alpha) { this.alpha = alpha; }
    public List<MetricComparison> getMetrics() { return metrics; }
    public void setMetrics(List<MetricComparison> metrics) { this.metrics = metrics; }
    public String getInputs() { return inputs; }
    public void setInputs(String inputs) { this.inputs = inputs; }
}
