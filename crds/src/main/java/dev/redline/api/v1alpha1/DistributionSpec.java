package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * A non-negative quantity drawn per item from Normal(mean, stddev) (AIPerf's {mean, stddev} distribution), in the
 * unit its parent field names: pixels for image sizes, seconds for audio length, a count for ranking passages.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DistributionSpec {
    @JsonPropertyDescription("Mean, in the unit of the field.")
    @Min(0)
    @Max(1000000)
    private Double mean;

    @JsonPropertyDescription("Standard deviation; 0 (default) gives exactly the mean.")
    @Min(0)
    @Max(1000000)
    private Double stddev;

    public DistributionSpec() { }

    public DistributionSpec(Double mean, Double stddev) {
        this.mean = mean;
        this.stddev = stddev;
    }

    /** Lets files write {@code width: 512} for {@code width: {mean: 512}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DistributionSpec ofMean(double mean) {
        return new DistributionSpec(mean, null);
    }

    public Double getMean() { return mean; }
    public void setMean(Double mean) { this.mean = mean; }
    public Double getStddev() { return stddev; }
    public void setStddev(Double stddev) { this.stddev = stddev; }

    public double resolvedMean() { return mean == null ? 0 : mean; }
    public double resolvedStddev() { return stddev == null ? 0 : stddev; }
}
