package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** AIPerf's random_range_ratio: how wide the uniform ISL and OSL windows around their means are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RangeRatioSpec {
    @JsonPropertyDescription("Ratio of the ISL window (vllm: [0, 1), sglang: [0, 1] and equal to output).")
    @Min(0)
    @Max(1)
    private Double input;

    @JsonPropertyDescription("Ratio of the OSL window (vllm: [0, 1), sglang: [0, 1] and equal to input).")
    @Min(0)
    @Max(1)
    private Double output;

    public RangeRatioSpec() { }

    public RangeRatioSpec(double input, double output) {
        this.input = input;
        this.output = output;
    }

    public Double getInput() { return input; }
    public void setInput(Double input) { this.input = input; }
    public Double getOutput() { return output; }
    public void setOutput(Double output) { this.output = output; }
}
