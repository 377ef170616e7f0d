package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** Runner pods as the Job reports them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunnerCounts {
    @JsonPropertyDescription("Pods asked for (runners.replicas).")
    private Integer desired;
    @JsonPropertyDescription("Pods running now.")
    private Integer active;
    @JsonPropertyDescription("Pods that are ready.")
    private Integer ready;
    @JsonPropertyDescription("Pods that exited 0.")
    private Integer succeeded;
    @JsonPropertyDescription("Pods that failed.")
    private Integer failed;

    public Integer getDesired() { return desired; }
    public void setDesired(Integer desired) { this.desired = desired; }
    public Integer getActive() { return active; }
    public void setActive(Integer active) { this.active = active; }
    public Integer getReady() { return ready; }
    public void setReady(Integer ready) { this.ready = ready; }
    public Integer getSucceeded() { return succeeded; }
    public void setSucceeded(Integer succeeded) { this.succeeded = succeeded; }
    public Integer getFailed() { return failed; }
    public void setFailed(Integer failed) { this.failed = failed; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunnerCounts r && Objects.equals(desired, r.desired) && Objects.equals(active, r.active)
                && Objects.equals(ready, r.ready) && Objects.equals(succeeded, r.succeeded) && Objects.equals(failed, r.failed);
    }

    @Override
    public int hashCode() { return Objects.hash(desired, active, ready, succeeded, failed); }
}
