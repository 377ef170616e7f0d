package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * Trials per variation and how they are aggregated into confidence intervals: the {@code multi_run:}
 * section of a config file and the {@code --num-profile-runs} family of flags (AIPerf §7.1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MultiRunSpec {
    public static final int MAX_RUNS = 10;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** AIPerf's seed when trials must share a workload and none was given. */
    public static final long CONSISTENT_SEED = 42;

    @JsonPropertyDescription("Trials per variation, 1..10 (--num-profile-runs). Default 1.")
    @Min(1)
    @Max(10)
    private Integer numRuns;
    @JsonPropertyDescription("Seconds to wait between trials (--profile-run-cooldown-seconds). Default 0.")
    @Min(0)
    @Max(86400)
    private Double cooldownSeconds;
    @JsonPropertyDescription("Confidence level of the intervals, in (0, 1) (--confidence-level). Default 0.95.")
    @Min(value = 0, inclusive = false)
    @Max(value = 1, inclusive = false)
    private Double confidenceLevel;
    @JsonPropertyDescription("Use seed 42 when no random seed is given, so trials share one workload (--set-consistent-seed). Default true.")
    private Boolean setConsistentSeed;
    @JsonPropertyDescription("Give every trial its own seed derived from (seed, variation label, trial) (--vary-seed-per-trial). Default false.")
    private Boolean varySeedPerTrial;
    @JsonPropertyDescription("Run warmup phases only in the first trial of a variation (--profile-run-disable-warmup-after-first). Default true.")
    private Boolean disableWarmupAfterFirst;
    @JsonPropertyDescription("Stop before numRuns once the metric has settled.")
    private ConvergenceSpec convergence;

    public Integer getNumRuns() { return numRuns; }
    public void setNumRuns(Integer numRuns) { this.numRuns = numRuns; }
    public Double getCooldownSeconds() { return cooldownSeconds; }
    public void setCooldownSeconds(Double cooldownSeconds) { this.cooldownSeconds = cooldownSeconds; }
    public Double getConfidenceLevel() { return confidenceLevel; }
    public void setConfidenceLevel(Double confidenceLevel) { this.confidenceLevel = confidenceLevel; }
    public Boolean getSetConsistentSeed() { return setConsistentSeed; }
    public void setSetConsistentSeed(Boolean setConsistentSeed) { this.setConsistentSeed = setConsistentSeed; }
    public Boolean getVarySeedPerTrial() { return varySeedPerTrial; }
    public void setVarySeedPerTrial(Boolean varySeedPerTrial) { this.varySeedPerTrial = varySeedPerTrial; }
    public Boolean getDisableWarmupAfterFirst() { return disableWarmupAfterFirst; }
    public void setDisableWarmupAfterFirst(Boolean disableWarmupAfterFirst) { this.disableWarmupAfterFirst = disableWarmupAfterFirst; }
    public ConvergenceSpec getConvergence() { return convergence; }
    public void setConvergence(ConvergenceSpec convergence) { this.convergence = convergence; }

    public int resolvedNumRuns() { return numRuns == null ? 1 : numRuns; }
    public double resolvedCooldownSeconds() { return cooldownSeconds == null ? 0 : cooldownSeconds; }
    public double resolvedConfidenceLevel() { return confidenceLevel == null ? DEFAULT_CONFIDENCE : confidenceLevel; }
    public boolean consistentSeed() { return !Boolean.FALSE.equals(setConsistentSeed); }
    public boolean varySeedPerTrial() { return Boolean.TRUE.equals(varySeedPerTrial); }
    public boolean warmupOnlyFirst() { return !Boolean.FALSE.equals(disableWarmupAfterFirst); }
}
