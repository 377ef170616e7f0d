package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Adaptive stopping of a multi-run: stop early once the metric has settled (AIPerf's --convergence-*). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConvergenceSpec {
    public static final int DEFAULT_MIN_RUNS = 2;

    @JsonPropertyDescription("Metric tag watched, e.g. time_to_first_token.")
    @Required
    private String metric;
    @JsonPropertyDescription("Statistic of the metric for ci_width and cv: avg (default), p50, p90, p95, p99, min, max.")
    private String stat;
    @JsonPropertyDescription("ci_width (default: CI width / mean below threshold), cv (std / mean below threshold) or distribution (two-sample KS p-value of the last run against the earlier ones above threshold).")
    private String mode;
    @JsonPropertyDescription("Threshold in (0, 1); default 0.10 for ci_width, 0.05 for cv and distribution.")
    @Min(value = 0, inclusive = false)
    @Max(value = 1, inclusive = false)
    private Double threshold;
    @JsonPropertyDescription("Runs before the criterion is checked (>= 2, default 2).")
    @Min(2)
    private Integer minRuns;

    public String getMetric() { return metric; }
    public void setMetric(String metric) { this.metric = metric; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double threshold) { this.threshold = threshold; }
    public Integer getMinRuns() { return minRuns; }
    public void setMinRuns(Integer minRuns) { this.minRuns = minRuns; }

    public String resolvedStat() { return stat == null ? "avg" : stat; }
    /** The mode as AIPerf spells it in files: ci_width, cv or distribution (the CLI's ci-width is accepted). */
    public String resolvedMode() { return mode == null ? "ci_width" : mode.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'); }
    public double resolvedThreshold() {
        if (threshold != null) return threshold;
        return "ci_width".equals(resolvedMode()) ? 0.10 : 0.05;
    }
    public int resolvedMinRuns() { return minRuns == null ? DEFAULT_MIN_RUNS : minRuns; }
}
