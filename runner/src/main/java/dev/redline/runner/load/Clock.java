package dev.redline.runner.load;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and waiting, injectable so schedule tests run on virtual time. */
public interface Clock {
    long nanoTime();

    /** Returns at or after {@code deadlineNs} (never earlier). */
    void sleepUntil(long deadlineNs) throws InterruptedException;

    /**
     * The real clock: parks until shortly before the deadline, then spins the last stretch, so sub-millisecond
     * gaps are kept instead of being rounded to the OS timer's resolution.
     */
    Clock SYSTEM = new Clock() {
        private static final long SPIN_NS = 100_000; // 100 us: covers park() overshoot on common kernels

        @Override
        public long nanoTime() { return System.nanoTime(); }

        @Override
        public void sleepUntil(long deadlineNs) throws InterruptedException {
            while (true) {
                long left = deadlineNs - System.nanoTime();
                if (left <= 0) return;
                if (Thread.interrupted()) throw new InterruptedException();
                if (left > SPIN_NS) LockSupport.parkNanos(left - SPIN_NS);
                else Thread.onSpinWait();
            }
        }
    };
}
