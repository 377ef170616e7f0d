package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Shape of synthetic multi-turn sessions and of user-centric prompts (AIPerf's --session-* flags). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SessionsSpec {
    @JsonPropertyDescription("Mean number of turns per synthetic session (--session-turns-mean). Default 1 (single-turn).")
    @Min(1)
    @Max(10000)
    private Double turnsMean;

    @JsonPropertyDescription("Standard deviation of turns per session (--session-turns-stddev). Default 0.")
    @Min(0)
    @Max(10000)
    private Double turnsStddev;

    @JsonPropertyDescription("Mean delay in ms before each later turn, counted from the previous turn's completion (--session-turn-delay-mean). Default 0.")
    @Min(0)
    @Max(86400000)
    private Double turnDelayMeanMs;

    @JsonPropertyDescription("Standard deviation of the turn delay in ms (--session-turn-delay-stddev). Default 0.")
    @Min(0)
    @Max(86400000)
    private Double turnDelayStddevMs;

    @JsonPropertyDescription("Factor applied to every turn delay, including dataset and trace delays (--session-delay-ratio). Default 1.")
    @Min(value = 0, inclusive = false)
    @Max(1000)
    private Double delayRatio;

    @JsonPropertyDescription("Tokens of a system prompt shared by every user (user-centric KV-cache benchmarking, --shared-system-prompt-length).")
    @Min(0)
    @Max(2000000)
    private Integer sharedSystemPromptLength;

    @JsonPropertyDescription("Tokens of a context prompt unique to each user (--user-context-prompt-length).")
    @Min(0)
    @Max(2000000)
    private Integer userContextPromptLength;

    public Double getTurnsMean() { return turnsMean; }
    public void setTurnsMean(Double turnsMean) { this.turnsMean = turnsMean; }
    public Double getTurnsStddev() { return turnsStddev; }
    public void setTurnsStddev(Double turnsStddev) { this.turnsStddev = turnsStddev; }
    public Double getTurnDelayMeanMs() { return turnDelayMeanMs; }
    public void setTurnDelayMeanMs(Double turnDelayMeanMs) { this.turnDelayMeanMs = turnDelayMeanMs; }
    public Double getTurnDelayStddevMs() { return turnDelayStddevMs; }
    public void setTurnDelayStddevMs(Double turnDelayStddevMs) { this.turnDelayStddevMs = turnDelayStddevMs; }
    public Double getDelayRatio() { return delayRatio; }
    public void setDelayRatio(Double delayRatio) { this.delayRatio = delayRatio; }
    public Integer getSharedSystemPromptLength() { return sharedSystemPromptLength; }
    public void setSharedSystemPromptLength(Integer v) { this.sharedSystemPromptLength = v; }
    public Integer getUserContextPromptLength() { return userContextPromptLength; }
    public void setUserContextPromptLength(Integer v) { this.userContextPromptLength = v; }

    public double resolvedDelayRatio() { return delayRatio == null ? 1.0 : delayRatio; }
}
