package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the operator observed of a Search; derived from its child Benchmarks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SearchStatus {
    /** One iteration: its child and what it measured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Iteration {
        @JsonPropertyDescription("Iteration number, from 0.")
        private Integer index;
        @JsonPropertyDescription("Child Benchmark names (one per trial).")
        private List<String> benchmarks;
        @JsonPropertyDescription("Knob values probed, by dot-path.")
        private Map<String, Double> values;
        @JsonPropertyDescription("Objective values (mean over trials), in spec order; absent until measured.")
        private List<Double> objectives;
        @JsonPropertyDescription("Whether every SLA filter held.")
        private Boolean feasible;
        @JsonPropertyDescription("Running, Complete or Failed.")
        private String phase;
        @JsonPropertyDescription("Why the iteration failed.")
        private String error;

        public Integer getIndex() { return index; }
        public void setIndex(Integer index) { this.index = index; }
        public List<String> getBenchmarks() { return benchmarks; }
        public void setBenchmarks(List<String> benchmarks) { this.benchmarks = benchmarks; }
        public Map<String, Double> getValues() { return values; }
        public void setValues(Map<String, Double> values) { this.values = values; }
        public List<Double> getObjectives() { return objectives; }
        public void setObjectives(List<Double> objectives) { this.objectives = objectives; }
        public Boolean getFeasible() { return feasible; }
        public void setFeasible(Boolean feasible) { this.feasible = feasible; }
        public String getPhase() { return phase; }
        public void setPhase(String phase) { this.phase = phase; }
        public String getError() { return error; }
        public void setError(String error) { this.error = error; }
    }

    /** The best iteration so far (feasibility first). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Best {
        @JsonPropertyDescription("Iteration number of the best configuration.")
        private Integer iteration;
        @JsonPropertyDescription("Its knob values, by dot-path.")
        private Map<String, Double> values;
        @JsonPropertyDescription("Its primary objective value.")
        private Double objective;
        @JsonPropertyDescription("Its knob values in one line, e.g. concurrency=137.")
        private String knob;
        @JsonPropertyDescription("Whether it met every SLA (false: no iteration did, this is the least bad).")
        private Boolean feasible;
        @JsonPropertyDescription("Size of the Pareto front (multi-objective searches).")
        private Integer paretoSize;

        public Integer getIteration() { return iteration; }
        public void setIteration(Integer iteration) { this.iteration = iteration; }
        public Map<String, Double> getValues() { return values; }
        public void setValues(Map<String, Double> values) { this.values = values; }
        public Double getObjective() { return objective; }
        public void setObjective(Double objective) { this.objective = objective; }
        public String getKnob() { return knob; }
        public void setKnob(String knob) { this.knob = knob; }
        public Boolean getFeasible() { return feasible; }
        public void setFeasible(Boolean feasible) { this.feasible = feasible; }
        public Integer getParetoSize() { return paretoSize; }
        public void setParetoSize(Integer paretoSize) { this.paretoSize = paretoSize; }
    }

    /** The SLA boundary of a one-knob search. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Boundary {
        @JsonPropertyDescription("The swept knob.")
        private String path;
        @JsonPropertyDescription("Highest value that met every SLA.")
        private Double feasibleMax;
        @JsonPropertyDescription("Lowest value that broke an SLA.")
        private Double infeasibleMin;
        @JsonPropertyDescription("The first SLA broken at infeasibleMin, e.g. time_to_first_token:p95:lt:200.")
        private String firstBreach;
        @JsonPropertyDescription("A verdict contradicted the bracket: the metric is not monotone in the knob.")
        private Boolean nonMonotonic;

        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
        public Double getFeasibleMax() { return feasibleMax; }
        public void setFeasibleMax(Double feasibleMax) { this.feasibleMax = feasibleMax; }
        public Double getInfeasibleMin() { return infeasibleMin; }
        public void setInfeasibleMin(Double infeasibleMin) { this.infeasibleMin = infeasibleMin; }
        public String getFirstBreach() { return firstBreach; }
        public void setFirstBreach(String firstBreach) { this.firstBreach = firstBreach; }
        public Boolean getNonMonotonic() { return nonMonotonic; }
        public void setNonMonotonic(Boolean nonMonotonic) { this.nonMonotonic = nonMonotonic; }
    }

    @JsonPropertyDescription("metadata.generation this status describes.")
    private Long observedGeneration;
    @JsonPropertyDescription("Invalid, Pending, Running, Complete, Failed or Cancelled.")
    private SearchPhase phase;
    @JsonPropertyDescription("Accepted, Running, Complete and Failed, with CamelCase reasons.")
    private List<Condition> conditions = new ArrayList<>();
    @JsonPropertyDescription("Iterations finished / budget, e.g. 7/30.")
    private String progress;
    @JsonPropertyDescription("The planner, e.g. monotonic_sla.")
    private String planner;
    @JsonPropertyDescription("Every iteration so far.")
    private List<Iteration> iterations = new ArrayList<>();
    @JsonPropertyDescription("The best configuration so far.")
    private Best best;
    @JsonPropertyDescription("The SLA boundary (one-knob SLA searches).")
    private Boundary boundary;
    @JsonPropertyDescription("Why the search stopped (AIPerf's convergence_reason), once it has.")
    private String convergenceReason;
    @JsonPropertyDescription("ConfigMap holding search_history.json.")
    private String resultsConfigMap;
    @JsonPropertyDescription("When the first iteration started (RFC 3339).")
    private String startTime;
    @JsonPropertyDescription("When the search finished (RFC 3339).")
    private String completionTime;

    public Long getObservedGeneration() { return observedGeneration; }
    public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
    public SearchPhase getPhase() { return phase; }
    public void setPhase(SearchPhase phase) { this.phase = phase; }
    public List<Condition> getConditions() { return conditions; }
    public void setConditions(List<Condition> conditions) { this.conditions = conditions == null ? new ArrayList<>() : conditions; }
    public String getProgress() { return progress; }
    public void setProgress(String progress) { this.progress = progress; }
    public String getPlanner() { return planner; }
    public void setPlanner(String planner) { this.planner = planner; }
    public List<Iteration> getIterations() { return iterations; }
    public void setIterations(List<Iteration> iterations) { this.iterations = iterations == null ? new ArrayList<>() : iterations; }
    public Best getBest() { return best; }
    public void setBest(Best best) { this.best = best; }
    public Boundary getBoundary() { return boundary; }
    public void setBoundary(Boundary boundary) { this.boundary = boundary; }
    public String getConvergenceReason() { return convergenceReason; }
    public void setConvergenceReason(String convergenceReason) { this.convergenceReason = convergenceReason; }
    public String getResultsConfigMap() { return resultsConfigMap; }
    public void setResultsConfigMap(String resultsConfigMap) { this.resultsConfigMap = resultsConfigMap; }
    public String getStartTime() { return startTime; }
    public void setStartTime(String startTime) { this.startTime = startTime; }
    public String getCompletionTime() { return completionTime; }
    public void setCompletionTime(String completionTime) { this.completionTime = completionTime; }
}
