package dev.redline.runner.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of the running phase, written on event loops and read by a progress bar on another
 * thread. Reset at each phase start.
 */
public final class LoadProgress {
    private volatile String phaseName = "";
    private volatile boolean warmup;
    private volatile long phaseStartNanos;
    private volatile long expectedRequests = -1;
    private volatile double durationSeconds = -1;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    final AtomicLong cancelled = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();

    void startPhase(String name, boolean warmup, long expectedRequests, double durationSeconds) {
        sent.set(0);
        completed.set(0);
        errors.set(0);
        late.set(0);
        cancelled.set(0);
        inFlight.set(0);
        this.phaseName = name;
        this.warmup = warmup;
        this.expectedRequests = expectedRequests;
        this.durationSeconds = durationSeconds;
        this.phaseStartNanos = System.nanoTime();
    }

    public String phaseName() { return phaseName; }
    public boolean warmup() { return warmup; }
    /** Requests handed to the client in this phase. */
    public long sent() { return sent.get(); }
    /** Requests finished (success, error or cut at the grace period). */
    public long completed() { return completed.get(); }
    /** Failed requests, cancellations excluded (see {@link #cancelled()}). */
    public long errors() { return errors.get(); }
    /** Requests cancelled by the client (--request-cancellation-rate); they are error records with code 499. */
    public long cancelled() { return cancelled.get(); }
    /** Requests cut because they were still running when the grace period ended. */
    public long lateForGrace() { return late.get(); }
    public long inFlight() { return inFlight.get(); }
    /** Request count target, or -1 when the phase is bounded by duration or sessions only. */
    public long expectedRequests() { return expectedRequests; }
    /** Duration target in seconds, or -1 when none. */
    public double durationSeconds() { return durationSeconds; }
    public double elapsedSeconds() { return (System.nanoTime() - phaseStartNanos) / 1e9; }
}
