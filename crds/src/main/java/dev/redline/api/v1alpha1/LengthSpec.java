package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** A token length drawn per request: ceil(Normal(mean, stddev)), redrawn until at least 1. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.mean) || !has(self.stddev)",
        message = "a standard deviation needs a mean; set mean too", fieldPath = ".stddev")
public class LengthSpec {
    @JsonPropertyDescription("Mean length in tokens.")
    @Min(1)
    @Max(2000000)
    private Integer mean;

    @JsonPropertyDescription("Standard deviation in tokens; 0 (default) gives exactly the mean.")
    @Min(0)
    @Max(2000000)
    private Double stddev;

    public LengthSpec() { }

    public LengthSpec(Integer mean, Double stddev) {
        this.mean = mean;
        this.stddev = stddev;
    }

    /** Lets files write {@code isl: 512} as a shorthand for {@code isl: {mean: 512}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LengthSpec ofMean(int mean) {
        return new LengthSpec(mean, null);
    }

    public Integer getMean() { return mean; }
    public void setMean(Integer mean) { this.mean = mean; }
    public Double getStddev() { return stddev; }
    public void setStddev(Double stddev) { this.stddev = stddev; }

    public double resolvedStddev() { return stddev == null ? 0.0 : stddev; }
}
