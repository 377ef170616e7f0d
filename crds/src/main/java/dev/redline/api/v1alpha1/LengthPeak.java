package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Max;

/** One weighted component of a mixture length: normal (mean, stddev) or log-normal (mean, median). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LengthPeak {
    @JsonPropertyDescription("Mean length in tokens.")
    @Min(1)
    @Max(2000000)
    private Integer mean;

    @JsonPropertyDescription("Standard deviation in tokens (normal component). Default 0.")
    @Min(0)
    @Max(2000000)
    private Double stddev;

    @JsonPropertyDescription("Median in tokens (log-normal component, <= mean).")
    private Double median;

    @JsonPropertyDescription("Relative weight of this component (> 0).")
    private Double weight;

    public Integer getMean() { return mean; }
    public void setMean(Integer mean) { this.mean = mean; }
    public Double getStddev() { return stddev; }
    public void setStddev(Double stddev) { this.stddev = stddev; }
    public Double getMedian() { return median; }
    public void setMedian(Double median) { this.median = median; }
    public Double getWeight() { return weight; }
    public void setWeight(Double weight) { this.weight = weight; }
}
