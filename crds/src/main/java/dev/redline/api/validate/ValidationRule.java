package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;

/** One group of checks over a spec (endpoint, phases, dataset, ...). Rules never throw; they add violations. */
@FunctionalInterface
public interface ValidationRule {
    void check(BenchmarkSpec spec, Violations out);
}
