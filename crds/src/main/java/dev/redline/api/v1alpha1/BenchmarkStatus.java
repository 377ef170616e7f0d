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
    @JsonPropertyDescription("Accepted, Running, Complete, Failed and SLOMet, with CamelCase reasons.")
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
