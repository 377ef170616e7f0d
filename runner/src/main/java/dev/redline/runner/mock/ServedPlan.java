package dev.redline.runner.mock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ground truth the mock follows for each request: which words it sends and when (whether it fails:
 * {@link dev.redline.runner.mock.fault.FaultPlan}).
 * Times are nanosecond offsets from the moment the request body was received.
 */
final class ServedPlan {
    private final long ttftNanos;
    private final long itlNanos;
    private final double jitterNanos;
    private final SeededDice dice;
    private final AtomicLong requestIndex = new AtomicLong();

    ServedPlan(MockServerOptions options) {
        this.ttftNanos = Math.round(options.ttftMs() * 1e6);
        this.itlNanos = Math.round(options.itlMs() * 1e6);
        this.jitterNanos = options.jitterMs() * 1e6;
        this.dice = new SeededDice(options.randomSeed());
    }

    /** The next request's index: the key of all its seeded draws. */
    long nextRequest() {
        return requestIndex.getAndIncrement();
    }

    long wordOffset(long request) {
        return dice.bits(request, SeededDice.SLOT_WORDS) >>> 1;
    }

    /** Offset of token {@code i}'s event: ttft for the first, previous + itl after that, plus seeded jitter. */
    long gapNanos(long request, int i) {
        long base = i == 0 ? ttftNanos : itlNanos;
        if (jitterNanos <= 0) return base;
        return base + (long) (dice.uniform(request, SeededDice.SLOT_JITTER + i) * jitterNanos);
    }

    long ttftNanos(long request) {
        return gapNanos(request, 0);
    }
}
