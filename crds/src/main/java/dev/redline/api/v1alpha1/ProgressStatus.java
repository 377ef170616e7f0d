package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Live progress of the phase now running: the shape of {@code progress.json}, which the coordinator runner
 * refreshes in the results ConfigMap about every 10 s. With several runners the counts are whole-run: the
 * coordinator's own plus each agent's from its latest heartbeat (about a second old) once that agent has
 * started the phase; {@code runnersReporting} of {@code runners} are counted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ProgressStatus {
    @JsonPropertyDescription("Name of the phase now running, e.g. warmup or profiling.")
    private String phase;
    @JsonPropertyDescription("Requests finished in this phase (successes and errors), summed over the runners counted in runnersReporting.")
    private Long requestsCompleted;
    @JsonPropertyDescription("Requests the whole phase will send (all runners), when bounded by a count.")
    private Long requestsTotal;
    @JsonPropertyDescription("Seconds this phase has run.")
    private Double elapsedSeconds;
    @JsonPropertyDescription("Seconds this phase will run, when bounded by a duration.")
    private Double durationSeconds;
    @JsonPropertyDescription("Runner pods whose counts are in requestsCompleted (an agent is counted once it reports this phase).")
    private Integer runnersReporting;
    @JsonPropertyDescription("Runner pods of the run.")
    private Integer runners;

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
    public Integer getRunnersReporting() { return runnersReporting; }
    public void setRunnersReporting(Integer runnersReporting) { this.runnersReporting = runnersReporting; }
    public Integer getRunners() { return runners; }
    public void setRunners(Integer runners) { this.runners = runners; }
}
