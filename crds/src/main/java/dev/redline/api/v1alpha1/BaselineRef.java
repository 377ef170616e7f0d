package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The baseline a regression gate compares a run with: a Benchmark in the same namespace (its current run,
 * or one run of its history; this Benchmark itself means its previous run), or a ConfigMap holding a run's
 * {@code samples.json} (e.g. a copy of a results ConfigMap, or one made from an object-store upload).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.benchmark) != has(self.configMap)",
        message = "name either a baseline benchmark or a configMap, exactly one")
@ValidationRule(value = "!has(self.run) || has(self.benchmark)", message = "run selects a run of baselineRef.benchmark; set benchmark")
public class BaselineRef {
    static final String NAME = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    @JsonPropertyDescription("A Benchmark in this namespace: its current run once Complete (or 'run'). This Benchmark's own name means its previous run.")
    @Pattern(NAME)
    private String benchmark;

    @JsonPropertyDescription("One run of that Benchmark (status.run, or a run in its status.history). Default: its current run; for this Benchmark itself, the previous run.")
    @Min(1)
    @Max(1000000)
    private Integer run;

    @JsonPropertyDescription("A ConfigMap in this namespace with a run's samples.json (the key of a results ConfigMap).")
    @Pattern(NAME)
    private String configMap;

    public BaselineRef() { }

    public BaselineRef(String benchmark, Integer run, String configMap) {
        this.benchmark = benchmark;
        this.run = run;
        this.configMap = configMap;
    }

    public String getBenchmark() { return benchmark; }
    public void setBenchmark(String benchmark) { this.benchmark = benchmark; }
    public Integer getRun() { return run; }
    public void setRun(Integer run) { this.run = run; }
    public String getConfigMap() { return configMap; }
    public void setConfigMap(String configMap) { this.configMap = configMap; }

    /** For messages: {@code Benchmark nightly run 3}, {@code ConfigMap base}. */
    public String describe() {
        if (configMap != null) return "ConfigMap " + configMap;
        return "Benchmark " + benchmark + (run == null ? "" : " run " + run);
    }
}
