package dev.redline.operator.sweep;

import dev.redline.api.v1alpha1.Sweep;
import dev.redline.operator.children.ChildNames;
import dev.redline.plan.PlannedRun;

/**
 * Deterministic names of a Sweep's children: cell {@code i} is the Benchmark {@code <sweep>-<i>} (with
 * several runs per cell, {@code <sweep>-<i>-<run>}, run 1-based); the warm pool's Job, spec and results
 * ConfigMaps and runner identity are named like a Benchmark's after the Sweep.
 */
final class SweepNames {
    static final String SWEEP_LABEL = "redline.dev/sweep";
    static final String CELL_LABEL = "redline.dev/sweep-cell";
    static final String TRIAL_LABEL = "redline.dev/sweep-trial";
    /** The variation label a child was created for: a changed plan is noticed, never silently mixed. */
    static final String VARIATION_ANNOTATION = "redline.dev/variation-label";
    static final String EXPERIMENT_KEY = "experiment.yaml";

    private SweepNames() { }

    static String child(Sweep sw, int cell, int trial, int trials) {
        String base = sw.getMetadata().getName() + "-" + cell;
        return trials > 1 ? base + "-" + (trial + 1) : base;
    }

    static String child(Sweep sw, PlannedRun run, int trials) {
        return child(sw, run.variation().index(), run.trial(), trials);
    }

    /** The Sweep's own objects (results ConfigMap; the warm pool's Job, spec ConfigMap, runner identity). */
    static ChildNames own(Sweep sw) {
        return new ChildNames(sw.getMetadata().getName());
    }
}
