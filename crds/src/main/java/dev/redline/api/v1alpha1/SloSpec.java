package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One objective, e.g. time_to_first_token p99 <= 200 (ms). All must hold for SLOMet=True. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloSpec {
    @JsonPropertyDescription("AIPerf metric tag: time_to_first_token, inter_token_latency, request_latency (ms); request_throughput, goodput (requests/s); output_token_throughput, total_token_throughput (tokens/s); request_error_rate (percent); request_count, error_request_count.")
    @Required
    private String metric;

    @JsonPropertyDescription("Statistic of a latency metric: avg, p50, p90, p95 or p99. Default p99 for latencies; ignored for scalar metrics.")
    private SloStat stat;

    @JsonPropertyDescription("Comparison: '<=' (default), '<', '>=' or '>'.")
    private SloOperator operator;

    @JsonPropertyDescription("Threshold in the metric's display unit (ms for latencies).")
    @Required
    private Double threshold;

    public SloSpec() { }

    public SloSpec(String metric, SloStat stat, SloOperator operator, Double threshold) {
        this.metric = metric;
        this.stat = stat;
        this.operator = operator;
        this.threshold = threshold;
    }

    public String getMetric() { return metric; }
    public void setMetric(String metric) { this.metric = metric; }
    public SloStat getStat() { return stat; }
    public void setStat(SloStat stat) { this.stat = stat; }
    public SloOperator getOperator() { return operator; }
    public void setOperator(SloOperator operator) { this.operator = operator; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double threshold) { this.threshold = threshold; }

    public SloStat resolvedStat() { return stat == null ? SloStat.P99 : stat; }
    public SloOperator resolvedOperator() { return operator == null ? SloOperator.LE : operator; }

    /** Human form used in condition messages, e.g. {@code time_to_first_token p99 <= 200}. */
    public String describe() {
        return metric + " " + resolvedStat().wireName() + " " + resolvedOperator().symbol() + " " + fmt(threshold);
    }

    static String fmt(Double d) {
        if (d == null) return "?";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
}
