package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** What the operator observed; it is the only writer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BenchmarkStatus {
    @JsonPropertyDescription("metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Invalid, Pending, Running, Complete, Failed or Cancelled; derived from the conditions.")
    private BenchmarkPhase phase;
    @JsonPropertyDescription("Accepted, Running, Complete, Failed, SLOMet, ClientSaturated and Regressed, with CamelCase reasons.")
    private List<Condition> conditions = new ArrayList<>();
    @JsonPropertyDescription("Load in one line, e.g. 'concurrency 8' or 'rate 20/s'.")
    private String load;
    @JsonPropertyDescription("When the runner Job started (RFC 3339).")
    private String startTime;
    @JsonPropertyDescription("When the Benchmark finished, however it ended (RFC 3339).")
    private String completionTime;
    @JsonPropertyDescription("Runner pod counts from the Job.")
    private RunnerCounts runners;
    @JsonPropertyDescription("Live progress reported by the coordinator runner.")
    private ProgressStatus progress;
    @JsonPropertyDescription("Name of the ConfigMap holding summary.json and summary.csv.")
    private String resultsConfigMap;
    @JsonPropertyDescription("The run summary, copied from the results ConfigMap's summary.json.")
    private ResultsSummary results;
    @JsonPropertyDescription("Each spec.slo objective with its measured value.")
    private List<SloResult> slo;
    @JsonPropertyDescription("Number of the current run: 1 for the first, +1 each time a changed spec (or spec.runId) starts a new one.")
    private Integer run;
    @JsonPropertyDescription("spec.runId of the current run.")
    private String runId;
    @JsonPropertyDescription("Hash of the spec fields that define the current run; a spec whose hash differs starts a new run.")
    private String runSpecHash;
    @JsonPropertyDescription("Earlier runs, oldest first (at most 10), each with its results ConfigMap <name>-results-<run>.")
    private List<RunRecord> history;
    @JsonPropertyDescription("The regression gate's figures for the current run (with spec.baselineRef).")
    private RegressionStatus regression;

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public BenchmarkPhase getPhase() { return phase; }
    public void setPhase(BenchmarkPhase phase) { this.phase = phase; }
    public List<Condition> getConditions() { return conditions; }
    public void setConditions(List<Condition> conditions) { this.conditions = conditions == null ? new ArrayList<>() : conditions; }
    public String getLoad() { return load; }
    public void setLoad(String load) { this.load = load; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getCompletionTime() { return completionTime; }
    public void setCompletionTime(String completionTime) { this.completionTime = completionTime; }
    public RunnerCounts getRunners() { return runners; }
    public void setRunners(RunnerCounts runners) { this.runners = runners; }
    public ProgressStatus getProgress() { return progress; }
    public void setProgress(ProgressStatus progress) { this.progress = progress; }
    public String getResultsConfigMap() { return resultsConfigMap; }
    public void setResultsConfigMap(String resultsConfigMap) { this.resultsConfigMap = resultsConfigMap; }
    public ResultsSummary getResults() { return results; }
    public void setResults(ResultsSummary results) { this.results = results; }
    public List<SloResult> getSlo() { return slo; }
    public void setSlo(List<SloResult> slo) { this.slo = slo; }
    public Integer getRun() { return run; }
    public void setRun(Integer run) { this.run = run; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }
    public String getRunSpecHash() { return runSpecHash; }
    public void setRunSpecHash(String runSpecHash) { this.runSpecHash = runSpecHash; }
    public List<RunRecord> getHistory() { return history; }
    public void setHistory(List<RunRecord> history) { this.history = history; }
    public RegressionStatus getRegression() { return regression; }
    public void setRegression(RegressionStatus regression) { this.regression = regression; }

    /** The condition of this type, or null. */
    public Condition condition(ConditionType type) {
        for (Condition c : conditions) {
            if (type.name().equals(c.getType())) return c;
        }
        return null;
    }

    public boolean isTrue(ConditionType type) {
        Condition c = condition(type);
        return c != null && "True".equals(c.getStatus());
    }
}
