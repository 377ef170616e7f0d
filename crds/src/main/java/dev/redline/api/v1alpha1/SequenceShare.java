package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One (ISL, OSL) pair of a sequence-length mixture and its probability (AIPerf's --seq-dist). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SequenceShare {
    @JsonPropertyDescription("Input length of this share (a number or a distribution).")
    private LengthSpec isl;

    @JsonPropertyDescription("Output length of this share (a number or a distribution).")
    private LengthSpec osl;

    @JsonPropertyDescription("Probability in percent; the shares' probabilities add up to 100.")
    private Double probability;

    public SequenceShare() { }

    public SequenceShare(LengthSpec isl, LengthSpec osl, Double probability) {
        this.isl = isl;
        this.osl = osl;
        this.probability = probability;
    }

    public LengthSpec getIsl() { return isl; }
    public void setIsl(LengthSpec isl) { this.isl = isl; }
    public LengthSpec getOsl() { return osl; }
    public void setOsl(LengthSpec osl) { this.osl = osl; }
    public Double getProbability() { return probability; }
    public void setProbability(Double probability) { this.probability = probability; }
}
