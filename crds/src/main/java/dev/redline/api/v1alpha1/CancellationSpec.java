package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Client-side request cancellation (AIPerf's --request-cancellation-*). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CancellationSpec {
    @JsonPropertyDescription("Percentage (0-100) of requests cancelled by the client.")
    @Min(0)
    @Max(100)
    private Double rate;

    @JsonPropertyDescription("Seconds after the request was sent before it is cancelled. Default 0.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(0)
    @Max(86400)
    private Double delay;

    public Double getRate() { return rate; }
    public void setRate(Double rate) { this.rate = rate; }
    public Double getDelay() { return delay; }
    public void setDelay(Double delay) { this.delay = delay; }
}
