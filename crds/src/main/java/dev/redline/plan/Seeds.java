package dev.redline.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Random seeds of an experiment, as AIPerf derives them: variation {@code i} of a sweep runs with
 * {@code base + i} (or {@code base} with same-seed); trials of a variation share its seed unless
 * vary-seed-per-trial, which derives one per trial by SHA-256; a planner that proposes variations on
 * the fly derives a seed from the label.
 */
public final class Seeds {
    private static final long INT64_MAX = Long.MAX_VALUE;

    private Seeds() { }

    /**
     * The base seed: the given one, else 42 when the experiment needs one workload across its runs
     * ({@code consistent} and more than one run), else none (every run draws its own).
     */
    public static Long base(Long given, boolean consistent, boolean severalRuns) {
        if (given != null) return given;
        return consistent && severalRuns ? dev.redline.api.v1alpha1.MultiRunSpec.CONSISTENT_SEED : null;
    }

    /** Seed of variation {@code index}: {@code base + index}, or {@code base} with same-seed; null stays null. */
    public static Long forVariation(Long base, int index, boolean sameSeed) {
        if (base == null) return null;
        return sameSeed ? base : base + index;
    }

    /** Seed of one trial: the variation's, or with {@code vary} one derived from (base, label, trial 0-based). */
    public static Long forTrial(Long variationSeed, Long base, String label, int trial, boolean vary) {
        if (vary && base != null) return derive(base, label + ":trial:" + trial);
        return variationSeed;
    }

    /** AIPerf's derivation: the first 8 bytes (big-endian) of SHA-256 of {@code "<root>:variation:<label>"}, as int64. */
    public static long derive(long root, String label) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((root + ":variation:" + label).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
            return v & INT64_MAX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
