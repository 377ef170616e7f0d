package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** One cell (variation) of a Sweep as status reports it: where it stands and its headline figures (means over its successful runs). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"index", "label", "dir", "phase", "runsDone", "runs", "benchmarks", "requestThroughput",
        "outputTokenThroughput", "ttftP99", "itlAvg", "requestLatencyP99", "pareto", "error", "values"})
public class SweepCellStatus {
    @JsonPropertyDescription("Variation index (0-based).")
    private Integer index;
    @JsonPropertyDescription("Variation label, e.g. 'phases.profiling.concurrency=8'.")
    private String label;
    @JsonPropertyDescription("AIPerf-style directory name, e.g. concurrency_8.")
    private String dir;
    @JsonPropertyDescription("Pending, Running, Complete or Failed.")
    private String phase;
    @JsonPropertyDescription("Runs finished.")
    private Integer runsDone;
    @JsonPropertyDescription("Runs planned.")
    private Integer runs;
    @JsonPropertyDescription("Child Benchmarks of this cell (perCell).")
    private List<String> benchmarks;
    @JsonPropertyDescription("request_throughput avg, requests/s.")
    private Double requestThroughput;
    @JsonPropertyDescription("output_token_throughput avg, tokens/s.")
    private Double outputTokenThroughput;
    @JsonPropertyDescription("time_to_first_token p99, ms.")
    private Double ttftP99;
    @JsonPropertyDescription("inter_token_latency avg, ms.")
    private Double itlAvg;
    @JsonPropertyDescription("request_latency p99, ms.")
    private Double requestLatencyP99;
    @JsonPropertyDescription("On the Pareto front (max request throughput, min TTFT p99).")
    private Boolean pareto;
    @JsonPropertyDescription("Why a run of this cell failed.")
    private String error;
    @JsonPropertyDescription("What this cell changes: dot-path to value.")
    private Map<String, Object> values;

    public Integer getIndex() { return index; }
    public void setIndex(Integer index) { this.index = index; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getDir() { return dir; }
    public void setDir(String dir) { this.dir = dir; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public Integer getRunsDone() { return runsDone; }
    public void setRunsDone(Integer runsDone) { this.runsDone = runsDone; }
    public Integer getRuns() { return runs; }
    public void setRuns(Integer runs) { this.runs = runs; }
    public List<String> getBenchmarks() { return benchmarks; }
    public void setBenchmarks(List<String> benchmarks) { this.benchmarks = benchmarks; }
    public Double getRequestThroughput() { return requestThroughput; }
    public void setRequestThroughput(Double v) { this.requestThroughput = v; }
    public Double getOutputTokenThroughput() { return outputTokenThroughput; }
    public void setOutputTokenThroughput(Double v) { this.outputTokenThroughput = v; }
    public Double getTtftP99() { return ttftP99; }
    public void setTtftP99(Double v) { this.ttftP99 = v; }
    public Double getItlAvg() { return itlAvg; }
    public void setItlAvg(Double v) { this.itlAvg = v; }
    public Double getRequestLatencyP99() { return requestLatencyP99; }
    public void setRequestLatencyP99(Double v) { this.requestLatencyP99 = v; }
    public Boolean getPareto() { return pareto; }
    public void setPareto(Boolean pareto) { this.pareto = pareto; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public Map<String, Object> getValues() { return values; }
    public void setValues(Map<String, Object> values) { this.values = values; }
}
