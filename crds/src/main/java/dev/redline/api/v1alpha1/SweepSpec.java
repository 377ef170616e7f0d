package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.List;
import java.util.Map;

/**
 * What a sweep varies: the {@code sweep:} section of a config file (AIPerf schema 2.0) and the
 * {@code parameters} of a Sweep resource, one model for both. Paths are dot-paths into the benchmark
 * ({@code phases.profiling.concurrency}, {@code dataset.prompts.isl.mean}) or AIPerf's bare shorthands
 * ({@code concurrency}, {@code rate}, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "parameters", "runs", "samples", "seed", "scramble", "labelFormat", "dimensions",
        "cooldownSeconds", "iterationOrder", "sameSeed"})
public class SweepSpec {
    @JsonPropertyDescription("grid (default), zip, scenarios, sobol or latin_hypercube.")
    private SweepType type;

    @JsonPropertyDescription("grid and zip: dot-path to the list of values it takes.")
    private Map<String, List<Object>> parameters;

    @JsonPropertyDescription("scenarios: runs, each {name, benchmark: <partial benchmark>, values} deep-merged into the base.")
    private List<Map<String, Object>> runs;

    @JsonPropertyDescription("sobol and latin_hypercube: number of variations to draw (2..1048576).")
    @Min(2)
    @Max(1048576)
    private Integer samples;

    @JsonPropertyDescription("sobol and latin_hypercube: seed of the sampler (>= 0); unset: the run's random seed, else 0.")
    @Min(0)
    private Long seed;

    @JsonPropertyDescription("sobol: randomise the sequence (default true; a random digital shift, not scipy's Owen scrambling).")
    private Boolean scramble;

    @JsonPropertyDescription("sobol and latin_hypercube: variation labels as index (sobol_0000, default) or kv (path=value, ...).")
    private String labelFormat;

    @JsonPropertyDescription("sobol and latin_hypercube: the dimensions sampled.")
    private List<SamplingDimension> dimensions;

    @JsonPropertyDescription("Seconds to wait between variations (--parameter-sweep-cooldown-seconds). Default 0.")
    @Min(0)
    @Max(86400)
    private Double cooldownSeconds;

    @JsonPropertyDescription("With several trials: repeated (trials outer, default) or independent (variations outer).")
    private IterationOrder iterationOrder;

    @JsonPropertyDescription("Every variation uses the base random seed (default false: seed + variation index).")
    private Boolean sameSeed;

    public SweepType getType() { return type; }
    public void setType(SweepType type) { this.type = type; }
    public Map<String, List<Object>> getParameters() { return parameters; }
    public void setParameters(Map<String, List<Object>> parameters) { this.parameters = parameters; }
    public List<Map<String, Object>> getRuns() { return runs; }
    public void setRuns(List<Map<String, Object>> runs) { this.runs = runs; }
    public Integer getSamples() { return samples; }
    public void setSamples(Integer samples) { this.samples = samples; }
    public Long getSeed() { return seed; }
    public void setSeed(Long seed) { this.seed = seed; }
    public Boolean getScramble() { return scramble; }
    public void setScramble(Boolean scramble) { this.scramble = scramble; }
    public String getLabelFormat() { return labelFormat; }
    public void setLabelFormat(String labelFormat) { this.labelFormat = labelFormat; }
    public List<SamplingDimension> getDimensions() { return dimensions; }
    public void setDimensions(List<SamplingDimension> dimensions) { this.dimensions = dimensions; }
    public Double getCooldownSeconds() { return cooldownSeconds; }
    public void setCooldownSeconds(Double cooldownSeconds) { this.cooldownSeconds = cooldownSeconds; }
    public IterationOrder getIterationOrder() { return iterationOrder; }
    public void setIterationOrder(IterationOrder iterationOrder) { this.iterationOrder = iterationOrder; }
    public Boolean getSameSeed() { return sameSeed; }
    public void setSameSeed(Boolean sameSeed) { this.sameSeed = sameSeed; }

    public SweepType resolvedType() { return type == null ? SweepType.GRID : type; }
    public double resolvedCooldownSeconds() { return cooldownSeconds == null ? 0 : cooldownSeconds; }
    public IterationOrder resolvedIterationOrder() { return iterationOrder == null ? IterationOrder.REPEATED : iterationOrder; }
    public boolean sameSeed() { return Boolean.TRUE.equals(sameSeed); }
}
