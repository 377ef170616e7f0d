package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Map;

/**
 * A group of {@code redline profile} flags (a picocli mixin) that maps onto the one {@link BenchmarkSpec}.
 * Flags override the file: {@link #applyTo} sets only what the user gave (options are boxed, null = not given).
 */
public interface SpecOptions {
    /** Writes the given flags into {@code spec}, creating nested parts as needed. */
    void applyTo(BenchmarkSpec spec);

    /**
     * Flag names by spec field path, so validation messages can name the flag the user typed. Keys use
     * {@code [*]} for list indexes, e.g. {@code "phases[*].concurrency" -> "--concurrency"}.
     */
    Map<String, String> flagsByField();
}
