package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.redline.compare.GateMetrics;
import dev.redline.compare.RegressionTest;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** How the regression gate judges a run against spec.baselineRef: the same settings as {@code redline compare}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegressionSpec {
    @JsonPropertyDescription("Gated figures 'tag[:stat]' (stat avg or pNN, default p99) of per-request metrics, e.g. time_to_first_token:p99. Default: "
            + GateMetrics.DEFAULTS + " (those in neither run are skipped).")
    // checked by the operator (like SLO metric names): a CEL rule over unbounded strings exceeds the apiserver's cost budget
    @Size(max = 16)
    private List<String> metrics;

    @JsonPropertyDescription("Worsening in percent of the baseline tolerated before a figure regresses. Default 5.")
    @Min(0)
    @Max(1000)
    private Double tolerancePercent;

    @JsonPropertyDescription("Error rate of the gate: a figure regresses when the one-sided 1 - alpha confidence bound of its change is beyond the tolerance. Default 0.05.")
    @Min(value = 0, inclusive = false)
    @Max(value = 0.5, inclusive = false)
    private Double alpha;

    public List<String> getMetrics() { return metrics; }
    public void setMetrics(List<String> metrics) { this.metrics = metrics; }
    public Double getTolerancePercent() { return tolerancePercent; }
    public void setTolerancePercent(Double tolerancePercent) { this.tolerancePercent = tolerancePercent; }
    public Double getAlpha() { return alpha; }
    public void setAlpha(Double alpha) { this.alpha = alpha; }

    public double resolvedTolerancePercent() { return tolerancePercent == null ? RegressionTest.DEFAULT_TOLERANCE_PERCENT : tolerancePercent; }
    public double resolvedAlpha() { return alpha == null ? RegressionTest.DEFAULT_ALPHA : alpha; }
    /** The gated figures as written, or the defaults (comma-separated). */
    public String resolvedMetrics() { return metrics == null || metrics.isEmpty() ? GateMetrics.DEFAULTS : String.join(",", metrics); }
    public boolean defaultMetrics() { return metrics == null || metrics.isEmpty(); }
}
