package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One earlier run of a Benchmark, kept in {@code status.history} when a changed spec started the next one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunRecord {
    /** How a run that was stopped because the spec changed is recorded. */
    public static final String SUPERSEDED = "Superseded";

    @JsonPropertyDescription("Run number (status.run while it was current).")
    private Integer run;
    @JsonPropertyDescription("spec.runId of that run.")
    private String runId;
    @JsonPropertyDescription("Hash of the spec fields that define a run (status.runSpecHash while it was current).")
    private String specHash;
    @JsonPropertyDescription("How it ended: Complete, Failed, Cancelled, Invalid, or Superseded (stopped because the spec changed).")
    private String phase;
    @JsonPropertyDescription("When its runner Job started (RFC 3339).")
    private String startTime;
    @JsonPropertyDescription("When it ended or was stopped (RFC 3339).")
    private String completionTime;
    @JsonPropertyDescription("ConfigMap keeping its results (summary.json, summary.csv, samples.json): <name>-results-<run>.")
    private String resultsConfigMap;
    @JsonPropertyDescription("Its headline figures, as status.results was.")
    private ResultsSummary results;
    @JsonPropertyDescription("Its SLOMet verdict, when it had SLOs and results.")
    private Boolean sloMet;
    @JsonPropertyDescription("Its Regressed verdict, when it had a baseline and one was reached.")
    private Boolean regressed;
    @JsonPropertyDescription("Its ClientSaturated verdict, when its runner reported one.")
    private Boolean clientSaturated;

    public Integer getRun() { return run; }
    public void setRun(Integer run) { this.run = run; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public String getSpecHash() { return specHash; }
    public void setSpecHash(String specHash) { this.specHash = specHash; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getCompletionTime() { return completionTime; }
    public void setCompletionTime(String completionTime) { this.completionTime = completionTime; }
    public String getResultsConfigMap() { return resultsConfigMap; }
    public void setResultsConfigMap(String resultsConfigMap) { this.resultsConfigMap = resultsConfigMap; }
    public ResultsSummary getResults() { return results; }
    public void setResults(ResultsSummary results) { this.results = results; }
    public Boolean getSloMet() { return sloMet; }
    public void setSloMet(Boolean sloMet) { this.sloMet = sloMet; }
    public Boolean getRegressed() { return regressed; }
    public void setRegressed(Boolean regressed) { this.regressed = regressed; }
    public Boolean getClientSaturated() { return clientSaturated; }
    public void setClientSaturated(Boolean clientSaturated) { this.clientSaturated = clientSaturated; }
}
