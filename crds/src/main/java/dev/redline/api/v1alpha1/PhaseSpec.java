package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** One phase of load: warmup or profiling, with its pacing, limits and stop condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.requests) && has(self.sessions))",
        message = "requests and sessions are mutually exclusive stop conditions; keep one", fieldPath = ".sessions")
@ValidationRule(value = "!(has(self.type) && self.type in ['constant', 'poisson', 'gamma']) || has(self.rate) || has(self.rateSeries)",
        message = "an open-model type (constant, poisson, gamma) needs a rate; set rate or rateSeries", fieldPath = ".rate")
@ValidationRule(value = "!(has(self.rate) && has(self.rateSeries))",
        message = "rate and rateSeries are mutually exclusive; keep one", fieldPath = ".rateSeries")
@ValidationRule(value = "!has(self.rateSeries) || !has(self.type) || self.type in ['constant', 'poisson', 'gamma']",
        message = "a rate series paces constant, poisson or gamma arrivals; remove rateSeries or the other type", fieldPath = ".rateSeries")
@ValidationRule(value = "!(has(self.type) && self.type == 'fixed_schedule') || !has(self.rate)",
        message = "a fixed schedule replays trace timestamps and cannot have a rate; remove rate", fieldPath = ".rate")
@ValidationRule(value = "!(has(self.type) && self.type == 'concurrency') || !has(self.rate)",
        message = "type concurrency conflicts with rate (one load mode per phase); remove rate or use constant, poisson or gamma", fieldPath = ".type")
@ValidationRule(value = "!has(self.smoothness) || !has(self.type) || self.type == 'gamma'",
        message = "smoothness applies only to type gamma; set type gamma or remove smoothness", fieldPath = ".smoothness")
@ValidationRule(value = "!has(self.rateRamp) || has(self.rate) || has(self.rateSeries)",
        message = "a rate ramp needs a rate; set rate (or rateSeries) or remove rateRamp", fieldPath = ".rateRamp")
@ValidationRule(value = "!has(self.concurrencyRamp) || has(self.concurrency)",
        message = "a concurrency ramp needs concurrency; set concurrency or remove concurrencyRamp", fieldPath = ".concurrencyRamp")
@ValidationRule(value = "!has(self.prefillConcurrency) || !has(self.concurrency) || self.prefillConcurrency <= self.concurrency",
        message = "prefillConcurrency must not exceed concurrency", fieldPath = ".prefillConcurrency")
@ValidationRule(value = "!has(self.gracePeriod) || has(self.duration)",
        message = "a grace period needs a duration; set duration or remove gracePeriod", fieldPath = ".gracePeriod")
@ValidationRule(value = "(has(self.type) && self.type == 'user_centric') == has(self.users)",
        message = "users and type user_centric go together: user_centric needs users, users need type user_centric", fieldPath = ".users")
@ValidationRule(value = "!(has(self.type) && self.type == 'user_centric') || has(self.rate)",
        message = "user_centric needs a rate; set rate", fieldPath = ".rate")
@ValidationRule(value = "!(has(self.type) && self.type == 'user_centric') || !has(self.rateRamp)",
        message = "a rate ramp cannot be combined with user_centric; remove rateRamp", fieldPath = ".rateRamp")
@ValidationRule(value = "!(has(self.type) && self.type == 'user_centric') || !has(self.smoothness)",
        message = "smoothness cannot be combined with user_centric; remove smoothness", fieldPath = ".smoothness")
@ValidationRule(value = "!has(self.fixedSchedule) || !has(self.type) || self.type == 'fixed_schedule'",
        message = "fixedSchedule settings need type fixed_schedule; remove them or the other pacing", fieldPath = ".fixedSchedule")
public class PhaseSpec {
    public static final double DEFAULT_GRACE_PERIOD_SECONDS = 30;
    public static final String NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_-]*$";

    @JsonPropertyDescription("Phase name, unique; matches ^[A-Za-z_][A-Za-z0-9_-]*$. Defaults to the kind.")
    @Pattern(NAME_PATTERN)
    @io.fabric8.generator.annotation.Size(max = 63)
    private String name;

    @JsonPropertyDescription("warmup (excluded from results) or profiling (measured). Default profiling.")
    private PhaseKind kind;

    @JsonPropertyDescription("Pacing: concurrency (closed model), constant, poisson or gamma (open model at rate), user_centric, fixed_schedule. Default: poisson when rate is set (gamma when smoothness is set too), else concurrency.")
    private LoadType type;

    @JsonPropertyDescription("Maximum requests (or sessions) in flight. With a rate it is a ceiling.")
    @Min(1)
    @Max(100000)
    private Integer concurrency;

    @JsonPropertyDescription("Maximum requests in flight that have not yet received their first token (streaming only).")
    @Min(1)
    @Max(100000)
    private Integer prefillConcurrency;

    @JsonPropertyDescription("Target request rate in requests/s (open model).")
    @Min(value = 0, inclusive = false)
    @Max(1000000)
    private Double rate;

    @JsonPropertyDescription("Piecewise-linear request-rate schedule instead of a fixed rate (AIPerf's rate_series): at least two points with strictly increasing timeS; the rate is interpolated between points, updated every 0.1 s, held at the last point's qps afterwards, and starts after any rateRamp (which ramps to the first qps).")
    @io.fabric8.generator.annotation.Size(min = 2, max = 100000)
    private java.util.List<RateSeriesPoint> rateSeries;

    @JsonPropertyDescription("Gamma shape for type gamma (1 = Poisson, <1 bursty, >1 smooth). Default 1.")
    @Min(value = 0, inclusive = false)
    @Max(1000)
    private Double smoothness;

    @JsonPropertyDescription("Stop after this many requests have been sent.")
    @Min(1)
    @Max(1000000000)
    private Integer requests;

    @JsonPropertyDescription("Stop after this many sessions have been started (multi-turn).")
    @Min(1)
    @Max(1000000000)
    private Integer sessions;

    @JsonPropertyDescription("Stop sending after this many seconds.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(604800)
    private Double duration;

    @JsonPropertyDescription("Seconds to wait for in-flight responses after the duration ends (inf = forever). Default 30; unlimited for warmup and user_centric phases.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(0)
    @Max(86400)
    @dev.redline.api.validate.AcceptsInfinity
    private Double gracePeriod;

    @JsonPropertyDescription("Seconds over which concurrency ramps from 1 to its target.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double concurrencyRamp;

    @JsonPropertyDescription("Seconds over which prefill concurrency ramps from 1 to its target.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double prefillRamp;

    @JsonPropertyDescription("Seconds over which the request rate ramps up to its target.")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double rateRamp;

    @JsonPropertyDescription("Leave this phase out of the results, like a warmup (AIPerf's excludeFromResults); same as kind: warmup.")
    private Boolean excludeFromResults;

    @JsonPropertyDescription("Client-side request cancellation.")
    private CancellationSpec cancellation;

    @JsonPropertyDescription("Stop a profiling phase once more than this fraction (0-1) of its finished requests failed, after max(concurrency, 10) of them (AIPerf's failed_request_threshold): the results so far are written and the run exits 1 (--failed-request-threshold). Unset: never.")
    @Min(0)
    @Max(1)
    private Double failedRequestThreshold;

    @JsonPropertyDescription("Trace replay window and time zero, for type fixed_schedule (trace datasets imply it).")
    private FixedScheduleSpec fixedSchedule;

    @JsonPropertyDescription("Number of simulated users for type user_centric; each user sends a turn every users/rate seconds.")
    @Min(1)
    @Max(1000000)
    private Integer users;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public PhaseKind getKind() { return kind; }
    public void setKind(PhaseKind kind) { this.kind = kind; }
    public LoadType getType() { return type; }
    public void setType(LoadType type) { this.type = type; }
    public Integer getConcurrency() { return concurrency; }
    public void setConcurrency(Integer concurrency) { this.concurrency = concurrency; }
    public Integer getPrefillConcurrency() { return prefillConcurrency; }
    public void setPrefillConcurrency(Integer prefillConcurrency) { this.prefillConcurrency = prefillConcurrency; }
    public Double getRate() { return rate; }
    public void setRate(Double rate) { this.rate = rate; }
    public java.util.List<RateSeriesPoint> getRateSeries() { return rateSeries; }
    public void setRateSeries(java.util.List<RateSeriesPoint> rateSeries) { this.rateSeries = rateSeries; }
    public Double getSmoothness() { return smoothness; }
    public void setSmoothness(Double smoothness) { this.smoothness = smoothness; }
    public Integer getRequests() { return requests; }
    public void setRequests(Integer requests) { this.requests = requests; }
    public Integer getSessions() { return sessions; }
    public void setSessions(Integer sessions) { this.sessions = sessions; }
    public Double getDuration() { return duration; }
    public void setDuration(Double duration) { this.duration = duration; }
    public Double getGracePeriod() { return gracePeriod; }
    public void setGracePeriod(Double gracePeriod) { this.gracePeriod = gracePeriod; }
    public Double getConcurrencyRamp() { return concurrencyRamp; }
    public void setConcurrencyRamp(Double concurrencyRamp) { this.concurrencyRamp = concurrencyRamp; }
    public Double getPrefillRamp() { return prefillRamp; }
    public void setPrefillRamp(Double prefillRamp) { this.prefillRamp = prefillRamp; }
    public Double getRateRamp() { return rateRamp; }
    public void setRateRamp(Double rateRamp) { this.rateRamp = rateRamp; }
    public FixedScheduleSpec getFixedSchedule() { return fixedSchedule; }
    public void setFixedSchedule(FixedScheduleSpec fixedSchedule) { this.fixedSchedule = fixedSchedule; }
    public Integer getUsers() { return users; }
    public void setUsers(Integer users) { this.users = users; }
    public Double getFailedRequestThreshold() { return failedRequestThreshold; }
    public void setFailedRequestThreshold(Double failedRequestThreshold) { this.failedRequestThreshold = failedRequestThreshold; }
    public CancellationSpec getCancellation() { return cancellation; }
    public void setCancellation(CancellationSpec cancellation) { this.cancellation = cancellation; }

    public Boolean getExcludeFromResults() { return excludeFromResults; }
    public void setExcludeFromResults(Boolean excludeFromResults) { this.excludeFromResults = excludeFromResults; }

    /** The kind; when unset, warmup for a phase named warmup or excluded from results (as AIPerf infers it), else profiling. */
    public PhaseKind resolvedKind() {
        if (kind != null) return kind;
        if (Boolean.TRUE.equals(excludeFromResults) || "warmup".equalsIgnoreCase(name)) return PhaseKind.WARMUP;
        return PhaseKind.PROFILING;
    }
    public String resolvedName() { return name == null ? resolvedKind().wireName() : name; }
    /** The rate, or a rate series' first qps (as AIPerf names and ramps a series phase); null when neither is set. */
    public Double resolvedRate() {
        if (rate != null) return rate;
        return rateSeries == null || rateSeries.isEmpty() ? null : rateSeries.get(0).getQps();
    }
    public LoadType resolvedType() {
        if (type != null) return type;
        if (resolvedRate() == null) return LoadType.CONCURRENCY;
        return smoothness != null ? LoadType.GAMMA : LoadType.POISSON; // a smoothness (vLLM burstiness) implies gamma
    }
    public double resolvedGracePeriod() { return gracePeriod == null ? DEFAULT_GRACE_PERIOD_SECONDS : gracePeriod; }
}
