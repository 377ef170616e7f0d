package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** What an adaptive search optimises, AIPerf's {@code objectives} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SearchObjectiveSpec {
    public enum Direction { @JsonProperty("maximize") MAXIMIZE, @JsonProperty("minimize") MINIMIZE }

    @JsonPropertyDescription("AIPerf metric tag, e.g. output_token_throughput, request_throughput, time_to_first_token, goodput.")
    @Required
    private String metric;

    @JsonPropertyDescription("avg (default), p50, p90, p95 or p99.")
    private String stat;

    @JsonPropertyDescription("maximize or minimize.")
    @Required
    private Direction direction;

    @JsonPropertyDescription("Hypervolume reference point of a multi-objective search (worse values add nothing). Default: derived from the worst observed value.")
    private Double threshold;

    public SearchObjectiveSpec() { }

    public SearchObjectiveSpec(String metric, String stat, Direction direction) {
        this.metric = metric;
        this.stat = stat;
        this.direction = direction;
    }

    public String getMetric() { return metric; }
    public void setMetric(String metric) { this.metric = metric; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Double getThreshold() { return threshold; }
    public void setThreshold(Double threshold) { this.threshold = threshold; }
}
