package dev.redline.plan;

import dev.redline.api.v1alpha1.BenchmarkSpec;

/** One run of an experiment: a trial (0-based) of a variation, with the exact spec it runs (seed, warmup). */
public record PlannedRun(Variation variation, int trial, BenchmarkSpec spec) {
    public String runLabel() { return TrialOutcome.runLabel(trial); }
}
