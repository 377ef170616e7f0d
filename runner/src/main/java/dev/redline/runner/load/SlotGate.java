package dev.redline.runner.load;

import java.util.ArrayDeque;

/**
 * A non-blocking counting gate: {@link #acquire} runs the task now when a slot is free, else queues it
 * (FIFO) until {@link #release} frees one. The limit may change at run time (ramps). Thread-safe; tasks
 * run on the thread that frees the slot, so they must only hand work to an event loop.
 */
final class SlotGate {
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int limit;
    private int used;
    private int maxUsed;

    SlotGate(int limit) {
        this.limit = Math.max(1, limit);
    }

    void acquire(Runnable task) {
        synchronized (this) {
            if (used >= limit) {
                waiting.add(task);
                return;
            }
            used++;
            if (used > maxUsed) maxUsed = used;
        }
        task.run();
    }

    void release() {
        Runnable next;
        synchronized (this) {
            if (used <= limit && !waiting.isEmpty()) {
                next = waiting.poll(); // hand the slot over directly
            } else {
                used--;
                return;
            }
        }
        next.run();
    }

    /** Raises (or lowers) the limit; queued tasks start if slots became free. */
    void setLimit(int newLimit) {
        while (true) {
            Runnable next;
            synchronized (this) {
                limit = Math.max(1, newLimit);
                if (used >= limit || waiting.isEmpty()) return;
                used++;
                if (used > maxUsed) maxUsed = used;
                next = waiting.poll();
            }
            next.run();
        }
    }

    /** Drops queued tasks (phase stopped); returns how many were dropped. */
    synchronized int clearWaiting() {
        int n = waiting.size();
        waiting.clear();
        return n;
    }

    synchronized int used() { return used; }

    synchronized int waitingCount() { return waiting.size(); }

    synchronized int maxUsed() { return maxUsed; }

    /** Ramp step: the limit at {@code elapsedNs}, from 1 up to {@code target} in even steps over {@code rampNs}. */
    static int rampLimit(int target, long rampNs, long elapsedNs) {
        if (rampNs <= 0 || elapsedNs >= rampNs || target <= 1) return target;
        return 1 + (int) ((target - 1) * (double) elapsedNs / rampNs);
    }
}
