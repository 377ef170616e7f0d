package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** AIPerf's cache_bust: a marker in each session's prompt that defeats the server's prefix (KV) cache. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CacheBustSpec {
    @JsonPropertyDescription("none (default); system_prefix, system_suffix, first_turn_prefix, first_turn_suffix: a per-session \"[rid:<12 hex>]\" marker (SHA-256 of the run's seed, the session's number and conversation) joined with a blank line before/after the system prompt (falling back to the first user turn) or the first user turn; warmup_isolation_system, warmup_isolation_first_turn: a constant \"[warmup]\" marker in warmup requests only.")
    private CacheBustTarget target;

    public CacheBustTarget getTarget() { return target; }
    public void setTarget(CacheBustTarget target) { this.target = target; }

    public CacheBustTarget resolvedTarget() { return target == null ? CacheBustTarget.NONE : target; }
}
