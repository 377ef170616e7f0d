package dev.redline.runner.load;

import dev.redline.runner.client.RequestHandle;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared, thread-safe state of one running phase: credits (requests) and sessions handed out against
 * the plan's limits, the stop flag (no new sends), the in-flight requests (to cut at the grace period),
 * and the completion future.
 */
final class PhaseState {
    final PhasePlan plan;
    final LoadProgress progress;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final Set<RequestHandle> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong credits = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private volatile boolean stopped;
    volatile long startNs;
    private final AtomicLong firstSendNs = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastSendNs = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong firstIntendedNs = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastIntendedNs = new AtomicLong(Long.MIN_VALUE);
    private final boolean paced;
    /** Limits requests without a first token yet; null when unlimited. */
    final SlotGate prefillGate;
    /** Client-side cancellation; null when off. */
    final CancelPolicy cancelPolicy;

    PhaseState(PhasePlan plan, LoadProgress progress, long seed) {
        this(plan, progress, seed, false);
    }

    /** @param paced a pacer releases this phase's sends on a schedule (open model, fixed schedule) */
    PhaseState(PhasePlan plan, LoadProgress progress, long seed, boolean paced) {
        this.paced = paced;
        this.plan = plan;
        this.progress = progress;
        Integer prefill = plan.spec().getPrefillConcurrency();
        this.prefillGate = prefill == null ? null
                : new SlotGate(SlotGate.rampLimit(prefill, plan.prefillRampNs(), 0));
        this.cancelPolicy = CancelPolicy.of(plan.spec().getCancellation(), seed + plan.name().hashCode());
    }

    /** Takes the next request index, or -1 when the phase stopped sending or the count is used up. */
    long takeCredit() {
        if (stopped) return -1;
        long n = credits.getAndIncrement();
        if (n >= plan.maxRequests()) {
            stop();
            return -1;
        }
        if (n == plan.maxRequests() - 1) stop(); // the last one: later turns/sessions do not start
        return n;
    }

    /** Takes the next session number, or -1 when no more sessions may start. */
    long takeSession() {
        if (stopped) return -1;
        long n = sessions.getAndIncrement();
        if (n >= plan.maxSessions()) return -1;
        return n;
    }

    /** @param intendedNs when the phase wanted it sent (the schedule's time in a paced phase), 0 if unknown */
    void sent(long perfNs, long intendedNs) {
        firstSendNs.accumulateAndGet(perfNs, Math::min);
        lastSendNs.accumulateAndGet(perfNs, Math::max);
        if (paced && intendedNs > 0) {
            firstIntendedNs.accumulateAndGet(intendedNs, Math::min);
            lastIntendedNs.accumulateAndGet(intendedNs, Math::max);
        }
    }

    /**
     * The schedule's own rate over the same sends (first to last intended time); NaN in a phase that is
     * not paced.
     * A Poisson schedule's realised rate differs from its mean by about 1/sqrt(n): comparing the achieved
     * rate with this one shows how faithfully the client followed the schedule it was given.
     */
    double scheduleRate(long sent) {
        long span = lastIntendedNs.get() - firstIntendedNs.get();
        return sent < 2 || span <= 0 || firstIntendedNs.get() == Long.MAX_VALUE ? Double.NaN : (sent - 1) * 1e9 / span;
    }

    /** Sends per second between the first and last send; NaN with fewer than two. */
    double achievedRate(long sent) {
        long span = lastSendNs.get() - firstSendNs.get();
        return sent < 2 || span <= 0 ? Double.NaN : (sent - 1) * 1e9 / span;
    }

    boolean stopped() { return stopped; }

    long sessionsStarted() { return Math.min(sessions.get(), plan.maxSessions()); }

    void stop() { stopped = true; }

    long creditsIssued() { return Math.min(credits.get(), plan.maxRequests()); }
}
