package dev.redline.runner.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Independent, reproducible random streams derived from the run's seed: one per purpose (prompt text, output
 * length, sampling order) and per item, so that entries can be generated in parallel, in any order, and still come
 * out identical for a given seed on any machine. {@link Random} is used because its algorithm, nextGaussian
 * included, is fixed by its specification.
 */
public final class SeedStreams {
    private final long seed;

    public SeedStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    public Random stream(String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ b);
        return new Random(mix(h ^ mix(index)));
    }

    /** Stafford's mix13 finaliser: spreads nearby inputs over the whole 64-bit range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
