package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Max;

/**
 * AIPerf's trace synthesis: a trace's hash-id prefix tree (radix tree) is rescaled before replay. Shared prefix
 * branches and unique prompt tails are stretched by their multipliers, the tree is copied into several independent
 * roots, timestamps are compressed, and lengths filtered or capped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SynthesisSpec {
    @JsonPropertyDescription("Trace timestamps are divided by this: 2 replays twice as fast. Default 1 (--synthesis-speedup-ratio).")
    @Min(value = 0, inclusive = false)
    @Max(1000000)
    private Double speedupRatio;

    @JsonPropertyDescription("Multiplier for the length of shared prefix blocks (hash ids used by more than one request). Default 1 (--synthesis-prefix-len-multiplier).")
    @Min(value = 0, inclusive = false)
    @Max(1000)
    private Double prefixLenMultiplier;

    @JsonPropertyDescription("Number of independent copies of the prefix tree requests are spread over (fewer shared prefixes per copy). Default 1 (--synthesis-prefix-root-multiplier).")
    @Min(1)
    @Max(1000)
    private Integer prefixRootMultiplier;

    @JsonPropertyDescription("Multiplier for the length of each request's unique tail (hash ids only it uses). Default 1 (--synthesis-prompt-len-multiplier).")
    @Min(0)
    @Max(1000)
    private Double promptLenMultiplier;

    @JsonPropertyDescription("Multiplier for output lengths. Default 1 (--synthesis-output-len-multiplier).")
    @Min(0)
    @Max(1000)
    private Double outputLenMultiplier;

    @JsonPropertyDescription("Requests whose (synthesized) input length exceeds this are dropped (--synthesis-max-isl).")
    @Min(1)
    @Max(2000000)
    private Integer maxIsl;

    @JsonPropertyDescription("Output lengths above this are capped to it (--synthesis-max-osl).")
    @Min(1)
    @Max(2000000)
    private Integer maxOsl;

    public Double getSpeedupRatio() { return speedupRatio; }
    public void setSpeedupRatio(Double speedupRatio) { this.speedupRatio = speedupRatio; }
    public Double getPrefixLenMultiplier() { return prefixLenMultiplier; }
    public void setPrefixLenMultiplier(Double prefixLenMultiplier) { this.prefixLenMultiplier = prefixLenMultiplier; }
    public Integer getPrefixRootMultiplier() { return prefixRootMultiplier; }
    public void setPrefixRootMultiplier(Integer prefixRootMultiplier) { this.prefixRootMultiplier = prefixRootMultiplier; }
    public Double getPromptLenMultiplier() { return promptLenMultiplier; }
    public void setPromptLenMultiplier(Double promptLenMultiplier) { this.promptLenMultiplier = promptLenMultiplier; }
    public Double getOutputLenMultiplier() { return outputLenMultiplier; }
    public void setOutputLenMultiplier(Double outputLenMultiplier) { this.outputLenMultiplier = outputLenMultiplier; }
    public Integer getMaxIsl() { return maxIsl; }
    public void setMaxIsl(Integer maxIsl) { this.maxIsl = maxIsl; }
    public Integer getMaxOsl() { return maxOsl; }
    public void setMaxOsl(Integer maxOsl) { this.maxOsl = maxOsl; }

    public double resolvedSpeedupRatio() { return speedupRatio == null ? 1.0 : speedupRatio; }
    public double resolvedPrefixLenMultiplier() { return prefixLenMultiplier == null ? 1.0 : prefixLenMultiplier; }
    public int resolvedPrefixRootMultiplier() { return prefixRootMultiplier == null ? 1 : prefixRootMultiplier; }
    public double resolvedPromptLenMultiplier() { return promptLenMultiplier == null ? 1.0 : promptLenMultiplier; }
    public double resolvedOutputLenMultiplier() { return outputLenMultiplier == null ? 1.0 : outputLenMultiplier; }

    /** True when any setting changes the trace (all defaults: replay it as recorded). */
    public boolean changesTrace() {
        return resolvedSpeedupRatio() != 1.0 || resolvedPrefixLenMultiplier() != 1.0 || resolvedPrefixRootMultiplier() != 1
                || resolvedPromptLenMultiplier() != 1.0 || resolvedOutputLenMultiplier() != 1.0 || maxIsl != null || maxOsl != null;
    }
}
