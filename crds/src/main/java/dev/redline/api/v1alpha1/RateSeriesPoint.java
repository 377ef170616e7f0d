package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One control point of a piecewise-linear request-rate series (AIPerf's {@code time_s}, {@code qps}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateSeriesPoint {
    @JsonPropertyDescription("Seconds from the start of the series (after any rate ramp); strictly increasing.")
    @Required
    @Min(0)
    @Max(604800)
    private Double timeS;

    @JsonPropertyDescription("Request rate (requests/s) at this point; the rate is interpolated linearly between points.")
    @Required
    @Min(value = 0, inclusive = false)
    @Max(1000000)
    private Double qps;

    public RateSeriesPoint() { }

    public RateSeriesPoint(double timeS, double qps) {
        this.timeS = timeS;
        this.qps = qps;
    }

    public Double getTimeS() { return timeS; }
    public void setTimeS(Double timeS) { this.timeS = timeS; }
    public Double getQps() { return qps; }
    public void setQps(Double qps) { this.qps = qps; }
}
