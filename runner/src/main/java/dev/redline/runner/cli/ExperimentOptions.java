package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.ConvergenceSpec;
import dev.redline.api.v1alpha1.IterationOrder;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-run and sweep flags of {@code redline profile} (AIPerf's names, §7.1 and §7.2). They fill the
 * {@code sweep:} and {@code multi_run:} sections of the config envelope, so flags and file meet in one
 * model; a sweep on the command line and one in the file are exclusive.
 */
public class ExperimentOptions {
    @Option(names = "--num-profile-runs", paramLabel = "N", description = "Runs of the benchmark (1-10); above 1, an aggregate with confidence intervals.")
    Integer numRuns;

    @Option(names = "--profile-run-cooldown-seconds", paramLabel = "SECONDS", description = "Pause between runs. Default 0.")
    Double runCooldown;

    @Option(names = "--confidence-level", paramLabel = "LEVEL", description = "Confidence level of the intervals, in (0, 1). Default 0.95.")
    Double confidenceLevel;

    @Option(names = "--profile-run-disable-warmup-after-first", negatable = true, fallbackValue = "true", arity = "0..1",
            description = "Warmup only in the first run of each variation (default); --no-... warms up every run.")
    Boolean warmupOnlyFirst;

    @Option(names = "--set-consistent-seed", negatable = true, fallbackValue = "true", arity = "0..1",
            description = "Use seed 42 when --random-seed is not given, so all runs share a workload (default).")
    Boolean consistentSeed;

    @Option(names = "--vary-seed-per-trial", negatable = true, fallbackValue = "true", arity = "0..1",
            description = "A seed per run derived from (seed, variation, trial) instead of one per variation.")
    Boolean varySeedPerTrial;

    @Option(names = "--convergence-metric", paramLabel = "TAG", description = "Stop runs early once this metric settles, e.g. time_to_first_token.")
    String convergenceMetric;

    @Option(names = "--convergence-stat", paramLabel = "STAT", description = "avg (default), p50, p90, p95, p99, min or max (ci-width and cv modes).")
    String convergenceStat;

    @Option(names = "--convergence-threshold", paramLabel = "X",
            description = "In (0, 1): max CI width / mean (ci-width, default 0.10), max CV (cv, 0.05), min KS p-value (distribution, 0.05).")
    Double convergenceThreshold;

    @Option(names = "--convergence-mode", paramLabel = "MODE", description = "ci-width (default), cv or distribution (KS test on per-request values).")
    String convergenceMode;

    @Option(names = "--sweep-type", paramLabel = "grid|zip", description = "Several list flags: grid (every combination, default) or zip (element-wise).")
    String sweepType;

    @Option(names = {"--variant", "--sweep-variant"}, paramLabel = "'[NAME:] K=V, ...'",
            description = "One scenario of a sweep (repeat for each): flags without --, e.g. 'small: isl=128, osl=64'.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--parameter-sweep-cooldown-seconds", paramLabel = "SECONDS", description = "Pause between sweep variations. Default 0.")
    Double sweepCooldown;

    @Option(names = "--parameter-sweep-same-seed", negatable = true, fallbackValue = "true", arity = "0..1",
            description = "Every variation uses --random-seed (default: seed + variation index).")
    Boolean sameSeed;

    @Option(names = "--parameter-sweep-mode", paramLabel = "repeated|independent",
            description = "With several runs: repeated (all variations, then again; default) or independent (all runs of one variation first).")
    String sweepMode;

    @Option(names = "--no-sweep-table", description = "Do not draw the live sweep table (it is drawn only on a terminal anyway).")
    boolean noSweepTable;

    /** Filled from the arguments before parsing ({@link MagicLists.Preprocessor}). */
    final MagicLists lists = new MagicLists();

    /** Writes these flags into the envelope; BadInputException naming the flag. */
    void applyTo(ConfigEnvelope env, CommandSpec spec) {
        if (noSweepTable) env.setNoSweepTable(true);
        applySweep(env, spec);
        applyMultiRun(env);
    }

    private void applySweep(ConfigEnvelope env, CommandSpec spec) {
        boolean cliSweep = !lists.isEmpty() || !variants.isEmpty();
        if (!lists.isEmpty() && !variants.isEmpty()) {
            throw new BadInputException("--variant: cannot be combined with list values (" + String.join(", ", lists.lists().keySet())
                    + "); give either lists or variants");
        }
        if (cliSweep && env.getSweep() != null) {
            throw new BadInputException((variants.isEmpty() ? lists.lists().keySet().iterator().next() : "--variant")
                    + ": the config file already has a sweep: section; remove it or the command-line sweep");
        }
        SweepType type = null;
        if (sweepType != null) {
            type = SweepType.fromName(sweepType);
            if (type != SweepType.GRID && type != SweepType.ZIP) throw new BadInputException("--sweep-type: '" + sweepType + "' is not allowed; use grid or zip");
        }
        if (!lists.isEmpty()) env.setSweep(listSweep(type == null ? SweepType.GRID : type));
        if (!variants.isEmpty()) env.setSweep(variantSweep(spec));
        SweepSpec s = env.getSweep();
        if (s == null) {
            String stray = sweepCooldown != null ? "--parameter-sweep-cooldown-seconds" : sameSeed != null ? "--parameter-sweep-same-seed"
                    : sweepMode != null ? "--parameter-sweep-mode" : null;
            if (stray != null) throw new BadInputException(stray + ": there is no sweep; give list values (e.g. --concurrency 1,8), --variant twice, or a sweep: in the file");
            return;
        }
        if (sweepCooldown != null) {
            requireSeconds("--parameter-sweep-cooldown-seconds", sweepCooldown);
            s.setCooldownSeconds(sweepCooldown);
        }
        if (sameSeed != null) {
            if (sameSeed && env.resolvedSeed() == null) throw new BadInputException("--parameter-sweep-same-seed: needs --random-seed (the seed every variation shares)");
            s.setSameSeed(sameSeed);
        }
        if (sweepMode != null) {
            IterationOrder order = IterationOrder.fromName(sweepMode);
            if (order == null) throw new BadInputException("--parameter-sweep-mode: '" + sweepMode + "' is not allowed; use repeated or independent");
            s.setIterationOrder(order);
        }
    }

    private SweepSpec listSweep(SweepType type) {
        if (type == SweepType.ZIP && lists.lists().size() > 1) {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            lists.lists().forEach((flag, v) -> sizes.put(flag, v.size()));
            if (sizes.values().stream().distinct().count() > 1) {
                List<String> parts = new ArrayList<>();
                sizes.forEach((f, n) -> parts.add(f + " has " + n));
                throw new BadInputException("--sweep-type zip: the lists differ in length (" + String.join(", ", parts)
                        + "); give every list the same number of values, or use --sweep-type grid");
            }
        }
        SweepSpec s = new SweepSpec();
        s.setType(type);
        Map<String, List<Object>> params = new LinkedHashMap<>();
        lists.lists().forEach((flag, values) -> params.put(MagicLists.SWEEPABLE.get(flag), values));
        s.setParameters(params);
        return s;
    }

    private SweepSpec variantSweep(CommandSpec spec) {
        if (variants.size() < 2) {
            throw new BadInputException("--variant: one variant is no sweep; give --variant at least twice, or set the flags directly (e.g. --isl 128)");
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String v : variants) runs.add(VariantParser.parse(v, spec));
        SweepSpec s = new SweepSpec();
        s.setType(SweepType.SCENARIOS);
        s.setRuns(runs);
        return s;
    }

    private void applyMultiRun(ConfigEnvelope env) {
        MultiRunSpec mr = env.multiRun();
        if (numRuns != null) {
            if (numRuns < 1 || numRuns > MultiRunSpec.MAX_RUNS) throw new BadInputException("--num-profile-runs: " + numRuns + " is out of range; give 1..10");
            mr.setNumRuns(numRuns);
        }
        if (runCooldown != null) {
            requireSeconds("--profile-run-cooldown-seconds", runCooldown);
            mr.setCooldownSeconds(runCooldown);
        }
        if (confidenceLevel != null) {
            if (!(confidenceLevel > 0 && confidenceLevel < 1)) throw new BadInputException("--confidence-level: " + confidenceLevel + " is not in (0, 1); use e.g. 0.90, 0.95 or 0.99");
            mr.setConfidenceLevel(confidenceLevel);
        }
        if (warmupOnlyFirst != null) mr.setDisableWarmupAfterFirst(warmupOnlyFirst);
        if (consistentSeed != null) mr.setSetConsistentSeed(consistentSeed);
        if (varySeedPerTrial != null) mr.setVarySeedPerTrial(varySeedPerTrial);
        applyConvergence(mr);
        if (mr.getNumRuns() == null && mr.getCooldownSeconds() == null && mr.getConfidenceLevel() == null
                && mr.getDisableWarmupAfterFirst() == null && mr.getSetConsistentSeed() == null && mr.getVarySeedPerTrial() == null
                && mr.getConvergence() == null) {
            env.setMultiRun(null); // nothing given: keep the envelope minimal
        }
    }

    private void applyConvergence(MultiRunSpec mr) {
        if (convergenceMetric == null) {
            String stray = convergenceStat != null ? "--convergence-stat" : convergenceThreshold != null ? "--convergence-threshold"
                    : convergenceMode != null ? "--convergence-mode" : null;
            if (stray != null) throw new BadInputException(stray + ": needs --convergence-metric (the metric that must settle)");
            return;
        }
        ConvergenceSpec c = mr.getConvergence() == null ? new ConvergenceSpec() : mr.getConvergence();
        c.setMetric(convergenceMetric);
        if (convergenceStat != null) c.setStat(convergenceStat);
        if (convergenceMode != null) c.setMode(convergenceMode);
        if (convergenceThreshold != null) c.setThreshold(convergenceThreshold);
        if (!dev.redline.plan.Convergence.MODES.contains(c.resolvedMode())) {
            throw new BadInputException("--convergence-mode: '" + convergenceMode + "' is not allowed; use ci-width, cv or distribution");
        }
        if (!dev.redline.plan.Convergence.STATS.contains(c.resolvedStat())) {
            throw new BadInputException("--convergence-stat: '" + convergenceStat + "' is not allowed; use avg, p50, p90, p95, p99, min or max");
        }
        if (c.getThreshold() != null && !(c.getThreshold() > 0 && c.getThreshold() < 1)) {
            throw new BadInputException("--convergence-threshold: " + c.getThreshold() + " is not in (0, 1)");
        }
        if (mr.resolvedNumRuns() < 2) throw new BadInputException("--convergence-metric: needs --num-profile-runs of 2 or more (the most runs to try)");
        mr.setConvergence(c);
    }

    private static void requireSeconds(String flag, double v) {
        if (!(v >= 0 && v <= 86400)) throw new BadInputException(flag + ": " + v + " is not 0..86400 seconds");
    }
}
