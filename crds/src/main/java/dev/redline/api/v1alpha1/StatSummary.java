package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A distribution reduced to the statistics kept in status (display units, ms for latencies). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatSummary {
    @JsonPropertyDescription("Mean.")
    private Double avg;
    @JsonPropertyDescription("Median (linear interpolation, as AIPerf).")
    private Double p50;
    @JsonPropertyDescription("90th percentile.")
    private Double p90;
    @JsonPropertyDescription("95th percentile.")
    private Double p95;
    @JsonPropertyDescription("99th percentile.")
    private Double p99;

    public StatSummary() { }

    public StatSummary(Double avg, Double p50, Double p90, Double p95, Double p99) {
        this.avg = avg;
        this.p50 = p50;
        this.p90 = p90;
        this.p95 = p95;
        this.p99 = p99;
    }

    public Double getAvg() { return avg; }
    public void setAvg(Double avg) { this.avg = avg; }
    public Double getP50() { return p50; }
    public void setP50(Double p50) { this.p50 = p50; }
    public Double getP90() { return p90; }
    public void setP90(Double p90) { this.p90 = p90; }
    public Double getP95() { return p95; }
    public void setP95(Double p95) { this.p95 = p95; }
    public Double getP99() { return p99; }
    public void setP99(Double p99) { this.p99 = p99; }

    public Double get(SloStat stat) {
        return switch (stat) {
            case AVG -> avg;
            case P50 -> p50;
            case P90 -> p90;
            case P95 -> p95;
            case P99 -> p99;
        };
    }
}
