package dev.redline.runner.search;

import dev.redline.plan.Variation;
import dev.redline.runner.experiment.ExperimentLayout;

import java.nio.file.Path;
import java.util.Locale;

/**
 * AIPerf's tree of an adaptive search under {@code base}: every iteration's runs in
 * {@code search_iter_0000/profile_runs/run_0001/} (the variation's label is the iteration's name), its
 * multi-run aggregate in {@code search_iter_0000/aggregate/} and the sweep aggregate in {@code sweep_aggregate/}.
 */
public record SearchLayout(Path base, int trials) implements ExperimentLayout {
    @Override
    public Path cellDir(Variation v, int trial) {
        return base.resolve(v.label()).resolve("profile_runs").resolve(String.format(Locale.ROOT, "run_%04d", trial + 1));
    }

    @Override
    public Path aggregateDir(Variation v) {
        return trials > 1 ? base.resolve(v.label()).resolve("aggregate") : null;
    }

    @Override
    public Path sweepAggregateDir() {
        return base.resolve("sweep_aggregate");
    }

    @Override
    public Path samplingDesign() {
        return base.resolve("sweep_aggregate").resolve("sampling_design.json");
    }
}
