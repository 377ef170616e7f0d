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

    PhaseState(PhasePlan plan, LoadProgress progress) {
        this.plan = plan;
        this.progress = progress;
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

    boolean stopped() { return stopped; }

    void stop() { stopped = true; }

    long creditsIssued() { return Math.min(credits.get(), plan.maxRequests()); }
}
