package dev.redline.runner.load;

import dev.redline.api.v1alpha1.CancellationSpec;

import java.util.SplittableRandom;

/**
 * AIPerf request cancellation: each request is independently chosen with probability rate/100 and
 * aborted {@code delay} seconds after it was sent (error 499). Seeded; thread-safe.
 */
final class CancelPolicy {
    private final double probability;
    private final long delayNs;
    private final SplittableRandom rng;

    CancelPolicy(double ratePercent, double delaySeconds, long seed) {
        this.probability = ratePercent / 100.0;
        this.delayNs = (long) (delaySeconds * 1e9);
        this.rng = new SplittableRandom(seed ^ 0xC0FFEEL);
    }

    static CancelPolicy of(CancellationSpec spec, long seed) {
        if (spec == null || spec.getRate() == null || spec.getRate() <= 0) return null;
        return new CancelPolicy(spec.getRate(), spec.getDelay() == null ? 0 : spec.getDelay(), seed);
    }

    synchronized boolean pick() { return rng.nextDouble() < probability; }

    long delayNs() { return delayNs; }
}
