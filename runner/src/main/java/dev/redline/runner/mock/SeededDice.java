package dev.redline.runner.mock;

/**
 * Reproducible randomness without shared mutable state: each draw is a SplitMix64 hash of
 * (seed, request index, draw slot), so concurrent event loops need no lock and a given request index
 * always gets the same error decision, word offset and jitter.
 */
public final class SeededDice {
    public static final long SLOT_ERROR = 0; // the fault decision (--error-rate and --fault)
    static final long SLOT_WORDS = 1;
    static final long SLOT_JITTER = 2; // + token index

    private final long seed;

    public SeededDice(long seed) {
        this.seed = seed;
    }

    /** Uniform in [0, 1). */
    public double uniform(long requestIndex, long slot) {
        long z = seed + requestIndex * 0x9E3779B97F4A7C15L + (slot + 1) * 0xD1B54A32D192ED03L;
        return (mix(z) >>> 11) * 0x1.0p-53;
    }

    long bits(long requestIndex, long slot) {
        return mix(seed ^ mix(requestIndex * 0x9E3779B97F4A7C15L + slot));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
