package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;

import java.util.List;

/**
 * The small run summary kept in {@code status.results}: the headline figures of the runner's
 * {@link ProfileExport} ({@code summary.json} in the results ConfigMap), made by {@link #from}.
 * Latencies in ms, throughputs per second, AIPerf metric definitions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResultsSummary {
    /** Most frequent errors kept in status. */
    public static final int TOP_ERRORS = 5;

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

    /** The headline figures of {@code export}, with {@code artifacts} as where the full exports are. */
    public static ResultsSummary from(ProfileExport export, List<ArtifactRef> artifacts) {
        ResultsSummary r = new ResultsSummary();
        r.requestCount = asLong(export.stat("request_count", "avg"));
        Long errors = asLong(export.stat("error_request_count", "avg"));
        r.errorCount = errors != null ? errors : export.errorSummary().stream().mapToLong(e -> e.getCount() == null ? 0 : e.getCount()).sum();
        r.durationSeconds = export.stat("benchmark_duration", "avg");
        r.requestThroughput = export.stat("request_throughput", "avg");
        r.outputTokenThroughput = export.stat("output_token_throughput", "avg");
        r.totalTokenThroughput = export.stat("total_token_throughput", "avg");
        r.goodput = export.stat("goodput", "avg");
        r.errorRate = export.stat("request_error_rate", "avg");
        r.timeToFirstToken = stats(export.metric("time_to_first_token"));
        r.interTokenLatency = stats(export.metric("inter_token_latency"));
        r.requestLatency = stats(export.metric("request_latency"));
        List<ErrorEntry> errorsList = export.errorSummary();
        r.topErrors = errorsList.isEmpty() ? null : List.copyOf(errorsList.subList(0, Math.min(TOP_ERRORS, errorsList.size())));
        r.artifacts = artifacts == null || artifacts.isEmpty() ? null : List.copyOf(artifacts);
        return r;
    }

    private static StatSummary stats(MetricBlock b) {
        if (b == null) return null;
        return new StatSummary(b.stat("avg"), b.stat("p50"), b.stat("p90"), b.stat("p95"), b.stat("p99"));
    }

    private static Long asLong(Double d) {
        return d == null ? null : Math.round(d);
    }
}
