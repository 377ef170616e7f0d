package dev.redline.operator.sweep;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.operator.children.ExperimentChildren;
import dev.redline.plan.PlannedRun;

import java.util.Map;

/**
 * The child Benchmark of one run of a perCell Sweep ({@link ExperimentChildren}), named and labelled by its
 * cell and trial.
 */
final class CellChildFactory {
    private CellChildFactory() { }

    static Benchmark child(Sweep sw, PlannedRun run, int trials) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put(SweepNames.SWEEP_LABEL, sw.getMetadata().getName());
        labels.put(SweepNames.CELL_LABEL, Integer.toString(run.variation().index()));
        labels.put(SweepNames.TRIAL_LABEL, Integer.toString(run.trial()));
        return ExperimentChildren.child(sw, sw.getSpec().getTemplate(), run, SweepNames.child(sw, run, trials), labels,
                Map.of(SweepNames.VARIATION_ANNOTATION, run.variation().label()));
    }
}
