package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A token length drawn per request (AIPerf's distributions), then ceil'd and kept >= 1: normal {@code mean/stddev}
 * (redrawn until positive; stddev 0 gives exactly the mean), log-normal {@code mean/median} (median <= mean, more
 * right skew the lower it is), a weighted mixture of {@code peaks}, or weighted {@code points} (empirical);
 * {@code min}/{@code max} clamp every draw. The shape comes from the keys given (as AIPerf's; its {@code value} and
 * {@code type} keys are read by the config dialect).
 */
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

    @JsonPropertyDescription("Median in tokens: with a mean, the length is log-normal (median <= mean).")
    private Double median;

    @JsonPropertyDescription("Two or more weighted components (each a mean with a stddev or a median); a draw picks one by weight.")
    private java.util.List<LengthPeak> peaks;

    @JsonPropertyDescription("Weighted lengths (empirical distribution); a draw picks one by weight.")
    private java.util.List<LengthPoint> points;

    @JsonPropertyDescription("Draws below this are raised to it.")
    private Double min;

    @JsonPropertyDescription("Draws above this are lowered to it.")
    private Double max;

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

    public java.util.List<LengthPoint> getPoints() { return points; }
    public void setPoints(java.util.List<LengthPoint> points) { this.points = points; }
    public Integer getMean() { return mean; }
    public void setMean(Integer mean) { this.mean = mean; }
    public Double getStddev() { return stddev; }
    public void setStddev(Double stddev) { this.stddev = stddev; }

    public Double getMedian() { return median; }
    public void setMedian(Double median) { this.median = median; }
    public java.util.List<LengthPeak> getPeaks() { return peaks; }
    public void setPeaks(java.util.List<LengthPeak> peaks) { this.peaks = peaks; }
    public Double getMin() { return min; }
    public void setMin(Double min) { this.min = min; }
    public Double getMax() { return max; }
    public void setMax(Double max) { this.max = max; }

    /** Whether a mean (or a mixture) is given, i.e. the length is configured at all. */
    public boolean configured() {
        return mean != null || (peaks != null && !peaks.isEmpty()) || (points != null && !points.isEmpty());
    }

    public double resolvedStddev() { return stddev == null ? 0.0 : stddev; }
}
