package dev.redline.plan;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.IterationOrder;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.SweepSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole experiment, planned: the sweep's variations, the trials per variation and the seed policy.
 * {@link #runs()} is the order a fixed experiment runs in (AIPerf's repeated or independent order);
 * {@link #run(Variation, int)} is the exact spec of one trial (its seed; warmup only in the first trial
 * unless told otherwise). Pure: the CLI and the operator plan the same runs from the same input.
 */
public record ExperimentPlan(SweepPlan sweep, MultiRunSpec multiRun, Long baseSeed, IterationOrder order,
                             double variationCooldownSeconds) {

    /** Plans {@code benchmark} with {@code sweep} and {@code multiRun} (either may be null); {@code where} prefixes errors. */
    public static ExperimentPlan of(BenchmarkSpec benchmark, SweepSpec sweep, MultiRunSpec multiRun, Long seed, String where) {
        MultiRunSpec mr = multiRun == null ? new MultiRunSpec() : multiRun;
        check(mr, where.isEmpty() ? "multi_run" : where + ".multiRun");
        Long base = Seeds.base(seed, mr.consistentSeed(), sweep != null || mr.resolvedNumRuns() > 1);
        SweepPlan plan = SweepPlanner.plan(benchmark, sweep, base, where.isEmpty() ? "sweep" : where + ".sweep");
        IterationOrder order = sweep == null ? IterationOrder.REPEATED : sweep.resolvedIterationOrder();
        return new ExperimentPlan(plan, mr, base, order, sweep == null ? 0 : sweep.resolvedCooldownSeconds());
    }

    public static ExperimentPlan of(ConfigEnvelope env) {
        return of(env.benchmark(), env.getSweep(), env.getMultiRun(), env.resolvedSeed(), "");
    }

    public int trials() { return multiRun.resolvedNumRuns(); }

    public boolean isSweep() { return sweep.isSweep(); }

    public List<Variation> variations() { return sweep.variations(); }

    /** Every run in execution order: trials outer (repeated) or variations outer (independent). */
    public List<PlannedRun> runs() {
        List<PlannedRun> out = new ArrayList<>();
        if (order == IterationOrder.INDEPENDENT) {
            for (Variation v : variations()) for (int t = 0; t < trials(); t++) out.add(run(v, t));
        } else {
            for (int t = 0; t < trials(); t++) for (Variation v : variations()) out.add(run(v, t));
        }
        return out;
    }

    /** Trial {@code trial} of {@code v}: its seed, and no warmup phases after the first trial when so configured. */
    public PlannedRun run(Variation v, int trial) {
        BenchmarkSpec spec = SpecTree.copy(v.spec());
        Long seed = Seeds.forTrial(spec.getRandomSeed(), baseSeed, v.label(), trial, multiRun.varySeedPerTrial());
        spec.setRandomSeed(seed);
        if (trial > 0 && multiRun.warmupOnlyFirst() && spec.getPhases() != null) {
            spec.setPhases(new ArrayList<>(spec.getPhases().stream().filter(p -> p.resolvedKind() != PhaseKind.WARMUP).toList()));
        }
        return new PlannedRun(v, trial, spec);
    }

    /** AIPerf's sweep_mode word. */
    public String sweepMode() { return order.wireName(); }

    /** The multi-run fields: 1..10 runs, cooldown 0..86400 s, confidence in (0, 1), a sound convergence block. */
    public static void check(MultiRunSpec mr, String where) {
        Integer n = mr.getNumRuns();
        if (n != null && (n < 1 || n > MultiRunSpec.MAX_RUNS)) {
            throw new SpecException(where + ".numRuns: " + n + " is out of range; give 1.." + MultiRunSpec.MAX_RUNS);
        }
        Double c = mr.getCooldownSeconds();
        if (c != null && !(c >= 0 && c <= 86400)) throw new SpecException(where + ".cooldownSeconds: " + c + " is not 0..86400 seconds");
        Double level = mr.getConfidenceLevel();
        if (level != null && !(level > 0 && level < 1)) {
            throw new SpecException(where + ".confidenceLevel: " + level + " is not in (0, 1); use e.g. 0.90, 0.95 or 0.99");
        }
        if (mr.getConvergence() != null) Convergence.check(mr.getConvergence(), mr.resolvedNumRuns(), where + ".convergence");
    }
}
