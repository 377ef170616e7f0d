package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/**
 * AIPerf's network-latency calibration ({@code network_latency} of its YAML): the mean round-trip time to the
 * server, measured by TCP connects or given, is subtracted from the request-start-anchored latencies and reported
 * as extra {@code network_adjusted_*} metrics; the raw metrics are kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkLatencySpec {
    /** AIPerf's default seconds between probes (AIPERF_NETWORK_LATENCY_DEFAULT_PROBE_INTERVAL). */
    public static final double DEFAULT_PING_INTERVAL_SECONDS = 1.0;

    @JsonPropertyDescription("Calibrate for the network: subtract the mean round-trip time to the server from request_latency, time_to_first_token and time_to_first_output_token as extra network_adjusted_* metrics plus network_rtt. Default false (--network-latency-automatic, or --network-latency-mean).")
    private Boolean enabled;

    @JsonPropertyDescription("Seconds between TCP-connect probes to each URL's host:port during profiling. Default 1 (--network-latency-ping-interval). Ignored when meanMs is set.")
    @Min(0.001)
    @Max(300)
    private Double pingInterval;

    @JsonPropertyDescription("A fixed mean round-trip time in milliseconds to subtract instead of probing (--network-latency-mean). Applies when enabled.")
    @Min(0)
    @Max(60000)
    private Double meanMs;

    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public Double getPingInterval() { return pingInterval; }
    public void setPingInterval(Double pingInterval) { this.pingInterval = pingInterval; }
    public Double getMeanMs() { return meanMs; }
    public void setMeanMs(Double meanMs) { this.meanMs = meanMs; }

    /** Whether the run probes the servers (enabled, no fixed mean): AIPerf's should_probe. */
    public boolean probes() { return Boolean.TRUE.equals(enabled) && meanMs == null; }

    /** The fixed mean RTT in ms when enabled with one, else null. */
    public Double fixedMeanMs() { return Boolean.TRUE.equals(enabled) ? meanMs : null; }

    public double resolvedPingInterval() { return pingInterval == null ? DEFAULT_PING_INTERVAL_SECONDS : pingInterval; }
}
