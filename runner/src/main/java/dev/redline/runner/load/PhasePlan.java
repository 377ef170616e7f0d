package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.record.RequestRecord;

/**
 * One phase with every default resolved (AIPerf semantics): concurrency 1 when neither concurrency nor a
 * rate is given; without any stop condition, max(10, 2 x concurrency) requests, or one session per
 * conversation for multi-turn datasets; grace 30 s for profiling and unlimited for warmup and
 * user-centric phases unless set.
 *
 * @param maxRequests  requests to send, or Long.MAX_VALUE for no count limit
 * @param maxSessions  sessions to start, or Long.MAX_VALUE for no limit
 * @param durationNs   sending window, or -1 for none
 * @param graceNs      wait for in-flight responses after the window, Long.MAX_VALUE = forever
 * @param concurrencyRampNs time over which concurrency grows from 1 to its target, 0 = none
 */
public record PhasePlan(String name, RequestRecord.Phase kind, PhaseSpec spec, int concurrency,
                        long maxRequests, long maxSessions, long durationNs, long graceNs, long concurrencyRampNs,
                        long prefillRampNs) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public static PhasePlan resolve(PhaseSpec p, boolean multiTurn, int conversations) {
        boolean warmup = p.resolvedKind() == PhaseKind.WARMUP;
        int concurrency = p.getConcurrency() != null ? p.getConcurrency() : (p.resolvedRate() == null ? 1 : Integer.MAX_VALUE);
        long maxRequests = p.getRequests() != null ? p.getRequests() : UNLIMITED;
        long maxSessions = p.getSessions() != null ? p.getSessions() : UNLIMITED;
        long durationNs = p.getDuration() != null ? seconds(p.getDuration()) : -1;
        if (maxRequests == UNLIMITED && maxSessions == UNLIMITED && durationNs < 0) {
            if (multiTurn) maxSessions = Math.max(1, conversations);
            else maxRequests = Math.max(10, 2L * (concurrency == Integer.MAX_VALUE ? 1 : concurrency));
        }
        long graceNs;
        if (p.getGracePeriod() != null) graceNs = seconds(p.getGracePeriod());
        else if (warmup || p.getType() == LoadType.USER_CENTRIC) graceNs = UNLIMITED; // AIPerf defaults
        else graceNs = seconds(PhaseSpec.DEFAULT_GRACE_PERIOD_SECONDS);
        long rampNs = p.getConcurrencyRamp() != null ? seconds(p.getConcurrencyRamp()) : 0;
        return new PhasePlan(p.resolvedName(), warmup ? RequestRecord.Phase.WARMUP : RequestRecord.Phase.PROFILING,
                p, concurrency, maxRequests, maxSessions, durationNs, graceNs, rampNs,
                p.getPrefillRamp() != null ? seconds(p.getPrefillRamp()) : 0);
    }

    /** A trace replay: without another stop condition it replays every (cropped) entry once. */
    public static PhasePlan resolveFixed(PhaseSpec p, int entries) {
        PhasePlan base = resolve(p, false, entries);
        int concurrency = p.getConcurrency() != null ? p.getConcurrency() : Integer.MAX_VALUE;
        boolean given = p.getRequests() != null || p.getSessions() != null || p.getDuration() != null;
        long maxRequests = p.getRequests() != null ? p.getRequests() : UNLIMITED;
        long maxSessions = given ? Math.min(base.maxSessions(), entries) : entries;
        return new PhasePlan(base.name(), base.kind(), p, concurrency, maxRequests, maxSessions, base.durationNs(),
                base.graceNs(), base.concurrencyRampNs(), base.prefillRampNs());
    }

    static long seconds(double s) {
        if (Double.isInfinite(s) || s * 1e9 >= Long.MAX_VALUE) return UNLIMITED;
        return (long) (s * 1e9);
    }
}
