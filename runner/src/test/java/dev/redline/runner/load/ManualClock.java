package dev.redline.runner.load;

/** Virtual time for deterministic schedule tests: sleeping jumps the clock to the deadline. */
final class ManualClock implements Clock {
    long now;

    ManualClock(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() { return now; }

    @Override
    public void sleepUntil(long deadlineNs) {
        if (deadlineNs > now) now = deadlineNs;
    }

    void advance(long ns) { now += ns; }
}
