package dev.redline.runner.experiment;

import dev.redline.api.v1alpha1.IterationOrder;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Variation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * AIPerf's artifact tree of an experiment under {@code base}:
 * <pre>
 * one run                  base/
 * multi-run                base/profile_runs/run_0001/ ...   base/aggregate/
 * sweep, one trial         base/concurrency_10/ ...          base/aggregate/concurrency_10/  base/sweep_aggregate/
 * sweep, trials, repeated  base/profile_runs/trial_0001/concurrency_10/   base/aggregate/concurrency_10/
 *                          base/aggregate/sweep_aggregate/
 * sweep, trials, independent  base/concurrency_10/profile_runs/trial_0001/   base/aggregate/concurrency_10/
 *                          base/sweep_aggregate/
 * </pre>
 * {@code sampling_design.json} of a sobol or latin_hypercube sweep is always in {@code base/sweep_aggregate/}.
 */
public interface ExperimentLayout {
    /** Where a run of {@code v} writes its artifacts. */
    Path cellDir(Variation v, int trial);

    /** Where a variation's confidence aggregate goes (null: a single plain run has none). */
    Path aggregateDir(Variation v);

    Path sweepAggregateDir();

    Path samplingDesign();

    /** AIPerf's layout for a multi-run or sweep (another experiment, e.g. a search, may name its own). */
    static ExperimentLayout of(Path base, ExperimentPlan plan) {
        return new Aiperf(base, plan.isSweep(), plan.trials(), plan.order());
    }

    /** AIPerf's tree, as in the table above. */
    record Aiperf(Path base, boolean sweep, int trials, IterationOrder order) implements ExperimentLayout {
        @Override
        public Path cellDir(Variation v, int trial) {
            boolean multi = trials > 1;
            if (!sweep && !multi) return base;
            if (!sweep) return base.resolve("profile_runs").resolve(String.format(Locale.ROOT, "run_%04d", trial + 1));
            if (!multi) return base.resolve(v.dirName());
            String t = String.format(Locale.ROOT, "trial_%04d", trial + 1);
            if (order == IterationOrder.REPEATED) return base.resolve("profile_runs").resolve(t).resolve(v.dirName());
            return base.resolve(v.dirName()).resolve("profile_runs").resolve(t);
        }

        @Override
        public Path aggregateDir(Variation v) {
            if (!sweep && trials <= 1) return null;
            return sweep ? base.resolve("aggregate").resolve(v.dirName()) : base.resolve("aggregate");
        }

        @Override
        public Path sweepAggregateDir() {
            return trials > 1 && order == IterationOrder.REPEATED ? base.resolve("aggregate").resolve("sweep_aggregate")
                    : base.resolve("sweep_aggregate");
        }

        @Override
        public Path samplingDesign() {
            return base.resolve("sweep_aggregate").resolve("sampling_design.json");
        }
    }
}
