package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Max;

/**
 * A control POST to the server outside the measured requests (AIPerf's KV-cache reset and profiler start/stop).
 * Present = on; a file may write {@code true} for all defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ControlRequestSpec {
    public static final double DEFAULT_TIMEOUT_SECONDS = 30;

    @JsonPropertyDescription("Set false to turn it off while keeping the settings. Default true.")
    private Boolean enabled;

    @JsonPropertyDescription("Path of the KV-cache reset POST. Default /reset_prefix_cache.")
    private String path;

    @JsonPropertyDescription("Path of the profiler start POST. Default /start_profile.")
    private String startPath;

    @JsonPropertyDescription("Path of the profiler stop POST. Default /stop_profile.")
    private String stopPath;

    @JsonPropertyDescription("Timeout of each control POST in seconds. Default 30.")
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double timeoutSeconds;

    @JsonPropertyDescription("Seconds over which a failed KV-cache reset (timeout, connection error, 5xx) is retried. Default 0: no retry.")
    @Min(0)
    @Max(86400)
    private Double maxRetrySeconds;

    public ControlRequestSpec() { }

    /** {@code resetKvCache: true} in a file. */
    @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
    public static ControlRequestSpec of(boolean enabled) {
        ControlRequestSpec c = new ControlRequestSpec();
        c.setEnabled(enabled);
        return c;
    }

    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getStartPath() { return startPath; }
    public void setStartPath(String startPath) { this.startPath = startPath; }
    public String getStopPath() { return stopPath; }
    public void setStopPath(String stopPath) { this.stopPath = stopPath; }
    public Double getTimeoutSeconds() { return timeoutSeconds; }
    public void setTimeoutSeconds(Double timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
    public Double getMaxRetrySeconds() { return maxRetrySeconds; }
    public void setMaxRetrySeconds(Double maxRetrySeconds) { this.maxRetrySeconds = maxRetrySeconds; }

    public boolean active() { return !Boolean.FALSE.equals(enabled); }
    public double resolvedTimeoutSeconds() { return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds; }
}
