package dev.redline.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * One gated figure of a run against its baseline, with the evidence: both values, the change and its
 * bootstrap confidence interval in percent of the baseline, the Mann-Whitney U p-value and the sample
 * sizes. Printed by {@code redline compare} and kept in a Benchmark's {@code status.regression}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricComparison {
    @JsonPropertyDescription("Per-request metric tag, e.g. time_to_first_token.")
    private String metric;
    @JsonPropertyDescription("Statistic compared: avg or a percentile such as p99.")
    private String stat;
    @JsonPropertyDescription("Display unit of the values (ms for latencies).")
    private String unit;
    @JsonPropertyDescription("Regressed, WithinTolerance, Improved, Missing or TooFewSamples.")
    private Verdict verdict;
    @JsonPropertyDescription("The statistic in the baseline run.")
    private Double baseline;
    @JsonPropertyDescription("The statistic in this run.")
    private Double current;
    @JsonPropertyDescription("Change of the statistic in percent of the baseline (positive: larger).")
    private Double changePercent;
    @JsonPropertyDescription("Lower end of the bootstrap confidence interval of changePercent (level 1 - 2 alpha).")
    private Double ciLowPercent;
    @JsonPropertyDescription("Upper end of the bootstrap confidence interval of changePercent (level 1 - 2 alpha).")
    private Double ciHighPercent;
    @JsonPropertyDescription("Two-sided Mann-Whitney U p-value: whether the two distributions differ at all.")
    private Double mannWhitneyP;
    @JsonPropertyDescription("Per-request values compared from the baseline run.")
    private Integer baselineSamples;
    @JsonPropertyDescription("Per-request values compared from this run.")
    private Integer currentSamples;
    @JsonPropertyDescription("Worsening in percent tolerated before the figure counts as regressed.")
    private Double tolerancePercent;
    @JsonPropertyDescription("Why there is no verdict, for Missing and TooFewSamples.")
    private String note;

    public String getMetric() { return metric; }
    public void setMetric(String metric) { this.metric = metric; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict verdict) { this.verdict = verdict; }
    public Double getBaseline() { return baseline; }
    public void setBaseline(Double baseline) { this.baseline = baseline; }
    public Double getCurrent() { return current; }
    public void setCurrent(Double current) { this.current = current; }
    public Double getChangePercent() { return changePercent; }
    public void setChangePercent(Double changePercent) { this.changePercent = changePercent; }
    public Double getCiLowPercent() { return ciLowPercent; }
    public void setCiLowPercent(Double ciLowPercent) { this.ciLowPercent = ciLowPercent; }
    public Double getCiHighPercent() { return ciHighPercent; }
    public void setCiHighPercent(Double ciHighPercent) { this.ciHighPercent = ciHighPercent; }
    public Double getMannWhitneyP() { return mannWhitneyP; }
    public void setMannWhitneyP(Double mannWhitneyP) { this.mannWhitneyP = mannWhitneyP; }
    public Integer getBaselineSamples() { return baselineSamples; }
    public void setBaselineSamples(Integer baselineSamples) { this.baselineSamples = baselineSamples; }
    public Integer getCurrentSamples() { return currentSamples; }
    public void setCurrentSamples(Integer currentSamples) { this.currentSamples = currentSamples; }
    public Double getTolerancePercent() { return tolerancePercent; }
    public void setTolerancePercent(Double tolerancePercent) { this.tolerancePercent = tolerancePercent; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }

    /** One line, e.g. {@code time_to_first_token p99 21.3 -> 41.8 ms (+96.2%, CI +88.1..+104.0%): Regressed}. */
    public String describe() {
        String head = metric + " " + stat;
        if (baseline == null || current == null) return head + ": " + verdict + (note == null ? "" : " (" + note + ")");
        return head + " " + Numbers.fmt(baseline) + " -> " + Numbers.fmt(current) + (unit == null || unit.isEmpty() ? "" : " " + unit)
                + " (" + Numbers.signedPercent(changePercent) + ", CI " + Numbers.signedPercent(ciLowPercent) + ".."
                + Numbers.signedPercent(ciHighPercent) + "): " + verdict;
    }
}
