package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a Sweep runs its cells. */
public enum SweepExecution {
    /** One child Benchmark per run ({@code <sweep>-<index>}), at most maxParallel at a time. */
    @JsonProperty("perCell") PER_CELL,
    /** One runner Job whose pod runs every cell in order (one JVM, tokenizer loaded once, no scheduling gaps). */
    @JsonProperty("warmPool") WARM_POOL
}
