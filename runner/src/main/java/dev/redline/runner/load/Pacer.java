package dev.redline.runner.load;

/**
 * Releases arrivals at their scheduled instants on a dedicated thread: waits on the {@link Clock} (park,
 * then spin) to each absolute target, then hands the arrival to the dispatcher, which must only enqueue
 * work on an event loop. The schedule is absolute (a late arrival does not delay the next); when the
 * pacer falls behind by more than {@code maxCatchUpNs} it re-anchors the schedule to now instead of
 * bursting out every missed arrival, and counts it.
 */
public final class Pacer implements Runnable {
    /** Receives each arrival; returns false to end pacing (e.g. the request count is used up). */
    @FunctionalInterface
    public interface Dispatcher {
        boolean dispatch(long intendedNs);
    }

    private final Clock clock;
    private final ArrivalSchedule schedule;
    private final Dispatcher dispatcher;
    private final long maxCatchUpNs;
    private final long endOffsetNs;
    private volatile boolean stopped;
    private volatile long startNs;
    private long shiftNs;
    private volatile long reanchors;
    private volatile long maxBehindNs;
    private Thread thread;

    /**
     * @param endOffsetNs no arrival at or after this offset from the start (the phase duration), -1 = none
     */
    public Pacer(Clock clock, ArrivalSchedule schedule, long maxCatchUpNs, long endOffsetNs, Dispatcher dispatcher) {
        this.clock = clock;
        this.schedule = schedule;
        this.dispatcher = dispatcher;
        this.maxCatchUpNs = maxCatchUpNs;
        this.endOffsetNs = endOffsetNs;
    }

    /** Starts the pacer thread with the schedule anchored at {@code startNs}. */
    public void start(long startNs, String name) {
        this.startNs = startNs;
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Runs the pacing loop on the calling thread (tests with a virtual clock). */
    public void runFrom(long startNs) {
        this.startNs = startNs;
        run();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                long offset = schedule.nextOffsetNs();
                if (offset < 0) return;
                if (endOffsetNs >= 0 && offset >= endOffsetNs) return;
                long target = startNs + shiftNs + offset;
                long now = clock.nanoTime();
                long behind = now - target;
                if (maxCatchUpNs != Long.MAX_VALUE && behind > maxCatchUpNs) {
                    shiftNs += behind;     // re-anchor: the rest of the schedule moves with us
                    reanchors++;
                    target = now;
                }
                if (behind > maxBehindNs) maxBehindNs = behind;
                clock.sleepUntil(target);
                if (stopped) return;
                if (endOffsetNs >= 0 && clock.nanoTime() - startNs >= endOffsetNs) return;
                if (!dispatcher.dispatch(target)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        stopped = true;
        if (thread != null) thread.interrupt();
    }

    public void join() throws InterruptedException {
        if (thread != null) thread.join();
    }

    /** Times the schedule was re-anchored because the pacer fell behind by more than the catch-up window. */
    public long reanchors() { return reanchors; }

    /** Largest lateness of the pacer thread itself before waiting, in ns. */
    public long maxBehindNs() { return maxBehindNs; }
}
