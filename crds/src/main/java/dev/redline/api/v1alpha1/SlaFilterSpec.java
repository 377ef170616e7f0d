package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An SLA a search must keep, AIPerf's {@code sla_filters} entry: {@code stat(metricTag) op threshold}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SlaFilterSpec {
    @JsonPropertyDescription("AIPerf metric tag, e.g. time_to_first_token, inter_token_latency, request_latency, request_error_rate.")
    @Required
    private String metricTag;

    @JsonPropertyDescription("avg, min, max, p1, p5, p10, p25, p50, p75, p90, p95 (default) or p99.")
    private String stat;

    @JsonPropertyDescription("lt, le, gt or ge.")
    @Required
    @Pattern("^(lt|le|gt|ge)$")
    private String op;

    @JsonPropertyDescription("Threshold in the metric's display unit (ms for latencies, percent for request_error_rate).")
    @Required
    private Double threshold;

    public SlaFilterSpec() { }

    public SlaFilterSpec(String metricTag, String stat, String op, Double threshold) {
        this.metricTag = metricTag;
        this.stat = stat;
        this.op = op;
        this.threshold = threshold;
    }

    public String getMetricTag() { return metricTag; }
    public void setMetricTag(String metricTag) { this.metricTag = metricTag; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public String getOp() { return op; }
    public void setOp(String op) { this.op = op; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double threshold) { this.threshold = threshold; }
}
