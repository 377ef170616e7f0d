package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Live progress: the shape of {@code progress.json}, which the coordinator may refresh in the results ConfigMap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProgressStatus {
    @JsonPropertyDescription("Name of the phase now running, e.g. warmup or profiling.")
    private String phase;
    @JsonPropertyDescription("Requests finished in this phase.")
    private Long requestsCompleted;
    @JsonPropertyDescription("Requests this phase will send, when bounded by a count.")
    private Long requestsTotal;
    @JsonPropertyDescription("Seconds this phase has run.")
    private Double elapsedSeconds;
    @JsonPropertyDescription("Seconds this phase will run, when bounded by a duration.")
    private Double durationSeconds;

    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public Long getRequestsCompleted() { return requestsCompleted; }
    public void setRequestsCompleted(Long requestsCompleted) { this.requestsCompleted = requestsCompleted; }
    public Long getRequestsTotal() { return requestsTotal; }
    public void setRequestsTotal(Long requestsTotal) { this.requestsTotal = requestsTotal; }
    public Double getElapsedSeconds() { return elapsedSeconds; }
    public void setElapsedSeconds(Double elapsedSeconds) { this.elapsedSeconds = elapsedSeconds; }
    public Double getDurationSeconds() { return durationSeconds; }
    public void setDurationSeconds(Double durationSeconds) { this.durationSeconds = durationSeconds; }
}
