package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/**
 * The small run summary: the exact shape of {@code summary.json}, which the coordinator runner writes
 * into the results ConfigMap and the operator copies into {@code status.results}. Latencies in ms,
 * throughputs per second, AIPerf metric definitions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ResultsSummary {
    @JsonPropertyDescription("Valid requests measured (request_count).")
    private Long requestCount;
    @JsonPropertyDescription("Failed requests (error_request_count).")
    private Long errorCount;
    @JsonPropertyDescription("Length of the profiling phase in seconds (benchmark_duration).")
    private Double durationSeconds;
    @JsonPropertyDescription("request_throughput, requests/s.")
    private Double requestThroughput;
    @JsonPropertyDescription("output_token_throughput, tokens/s.")
    private Double outputTokenThroughput;
    @JsonPropertyDescription("Input plus output tokens per second.")
    private Double totalTokenThroughput;
    @JsonPropertyDescription("goodput, requests/s meeting the spec's goodput SLOs; absent without them.")
    private Double goodput;
    @JsonPropertyDescription("request_error_rate, percent.")
    private Double errorRate;
    @JsonPropertyDescription("time_to_first_token, ms.")
    private StatSummary timeToFirstToken;
    @JsonPropertyDescription("inter_token_latency, ms.")
    private StatSummary interTokenLatency;
    @JsonPropertyDescription("request_latency, ms.")
    private StatSummary requestLatency;
    @JsonPropertyDescription("Most frequent errors, at most 5.")
    private List<ErrorEntry> topErrors;
    @JsonPropertyDescription("Where the full exports are.")
    private List<ArtifactRef> artifacts;

    public Long getRequestCount() { return requestCount; }
    public void setRequestCount(Long requestCount) { this.requestCount = requestCount; }
    public Long getErrorCount() { return errorCount; }
    public void setErrorCount(Long errorCount) { this.errorCount = errorCount; }
    public Double getDurationSeconds() { return durationSeconds; }
    public void setDurationSeconds(Double durationSeconds) { this.durationSeconds = durationSeconds; }
    public Double getRequestThroughput() { return requestThroughput; }
    public void setRequestThroughput(Double requestThroughput) { this.requestThroughput = requestThroughput; }
    public Double getOutputTokenThroughput() { return outputTokenThroughput; }
    public void setOutputTokenThroughput(Double outputTokenThroughput) { this.outputTokenThroughput = outputTokenThroughput; }
    public Double getTotalTokenThroughput() { return totalTokenThroughput; }
    public void setTotalTokenThroughput(Double totalTokenThroughput) { this.totalTokenThroughput = totalTokenThroughput; }
    public Double getGoodput() { return goodput; }
    public void setGoodput(Double goodput) { this.goodput = goodput; }
    public Double getErrorRate() { return errorRate; }
    public void setErrorRate(Double errorRate) { this.errorRate = errorRate; }
    public StatSummary getTimeToFirstToken() { return timeToFirstToken; }
    public void setTimeToFirstToken(StatSummary timeToFirstToken) { this.timeToFirstToken = timeToFirstToken; }
    public StatSummary getInterTokenLatency() { return interTokenLatency; }
    public void setInterTokenLatency(StatSummary interTokenLatency) { this.interTokenLatency = interTokenLatency; }
    public StatSummary getRequestLatency() { return requestLatency; }
    public void setRequestLatency(StatSummary requestLatency) { this.requestLatency = requestLatency; }
    public List<ErrorEntry> getTopErrors() { return topErrors; }
    public void setTopErrors(List<ErrorEntry> topErrors) { this.topErrors = topErrors; }
    public List<ArtifactRef> getArtifacts() { return artifacts; }
    public void setArtifacts(List<ArtifactRef> artifacts) { this.artifacts = artifacts; }
}
