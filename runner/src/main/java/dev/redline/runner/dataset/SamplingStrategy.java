package dev.redline.runner.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The order dataset entries are used in (--dataset-sampling-strategy). */
public enum SamplingStrategy {
    /** Entries in file order, wrapping around. Default for traces and files. */
    SEQUENTIAL,
    /** Uniform choice with replacement. */
    RANDOM,
    /** A random permutation, re-shuffled each time all entries have been used. Default for synthetic data. */
    SHUFFLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user value; null gives {@code fallback}. */
    public static SamplingStrategy parse(String value, SamplingStrategy fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown dataset sampling strategy '" + value + "'; use one of "
                    + Arrays.stream(values()).map(SamplingStrategy::wireName).collect(Collectors.joining(", ")));
        }
    }
}
