package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a Sweep: rolled up from its children (perCell) or its runner (warmPool). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"observedGeneration", "phase", "conditions", "progress", "totalCells", "completedCells", "failedCells",
        "runningCells", "startTime", "completionTime", "best", "paretoFront", "resultsConfigMap", "cells"})
public class SweepStatus {
    @JsonPropertyDescription("metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Invalid, Pending, Running, Complete, Failed or Cancelled; derived from the conditions.")
    private SweepPhase phase;
    @JsonPropertyDescription("Accepted, Progressing, Complete and Failed, with CamelCase reasons.")
    private List<Condition> conditions = new ArrayList<>();
    @JsonPropertyDescription("Cells done of all, e.g. '3/12'.")
    private String progress;
    @JsonPropertyDescription("Cells (variations) in the plan.")
    private Integer totalCells;
    @JsonPropertyDescription("Cells whose runs all finished (successfully or not).")
    private Integer completedCells;
    @JsonPropertyDescription("Finished cells without any successful run.")
    private Integer failedCells;
    @JsonPropertyDescription("Cells with a run in progress.")
    private Integer runningCells;
    @JsonPropertyDescription("When the first cell started (RFC 3339).")
    private String startTime;
    @JsonPropertyDescription("When the Sweep finished (RFC 3339).")
    private String completionTime;
    @JsonPropertyDescription("The best cells so far.")
    private SweepBest best;
    @JsonPropertyDescription("Indices of the Pareto-optimal cells (max request throughput, min TTFT p99).")
    private List<Integer> paretoFront;
    @JsonPropertyDescription("ConfigMap holding the sweep aggregate (sweep.json, sweep.csv in AIPerf's shape).")
    private String resultsConfigMap;
    @JsonPropertyDescription("Every cell with its phase and headline figures.")
    private List<SweepCellStatus> cells;

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public SweepPhase getPhase() { return phase; }
    public void setPhase(SweepPhase phase) { this.phase = phase; }
    public List<Condition> getConditions() { return conditions; }
    public void setConditions(List<Condition> conditions) { this.conditions = conditions == null ? new ArrayList<>() : conditions; }
    public String getProgress() { return progress; }
    public void setProgress(String progress) { this.progress = progress; }
    public Integer getTotalCells() { return totalCells; }
    public void setTotalCells(Integer totalCells) { this.totalCells = totalCells; }
    public Integer getCompletedCells() { return completedCells; }
    public void setCompletedCells(Integer completedCells) { this.completedCells = completedCells; }
    public Integer getFailedCells() { return failedCells; }
    public void setFailedCells(Integer failedCells) { this.failedCells = failedCells; }
    public Integer getRunningCells() { return runningCells; }
    public void setRunningCells(Integer runningCells) { this.runningCells = runningCells; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getCompletionTime() { return completionTime; }
    public void setCompletionTime(String completionTime) { this.completionTime = completionTime; }
    public SweepBest getBest() { return best; }
    public void setBest(SweepBest best) { this.best = best; }
    public List<Integer> getParetoFront() { return paretoFront; }
    public void setParetoFront(List<Integer> paretoFront) { this.paretoFront = paretoFront; }
    public String getResultsConfigMap() { return resultsConfigMap; }
    public void setResultsConfigMap(String resultsConfigMap) { this.resultsConfigMap = resultsConfigMap; }
    public List<SweepCellStatus> getCells() { return cells; }
    public void setCells(List<SweepCellStatus> cells) { this.cells = cells; }

    public Condition condition(ConditionType type) {
        for (Condition c : conditions) if (type.name().equals(c.getType())) return c;
        return null;
    }
}
