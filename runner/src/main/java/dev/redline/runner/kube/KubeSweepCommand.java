package dev.redline.runner.kube;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.ConvergenceSpec;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.cli.ClusterEnvelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code redline kube sweep}: {@code kube profile} for a Sweep resource (AIPerf's AIPerfSweep): the sweep and
 * multi-run of the flags or the file, plus AIPerf's {@code --trials}, {@code --cooldown}, {@code --min-runs} and
 * {@code --max-runs}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false, preprocessor = DottedMaps.Preprocessor.class,
        description = "Run a parameter sweep or multi-run benchmark in Kubernetes (a Sweep resource); takes every profile option.")
public class KubeSweepCommand extends KubeProfileCommand {
    @Option(names = "--trials", paramLabel = "N", description = "Runs of every variation (multiRun.numRuns, 1-10).")
    Integer trials;

    @Option(names = "--cooldown", paramLabel = "SECONDS", description = "Pause between runs (multiRun.cooldownSeconds).")
    Double cooldown;

    @Option(names = "--min-runs", paramLabel = "N", description = "With --convergence-metric: runs before convergence may stop the trials (default 3).")
    Integer minRuns;

    @Option(names = "--max-runs", paramLabel = "N", description = "With --convergence-metric: at most this many runs (default --trials, else 10).")
    Integer maxRuns;

    @Override
    protected ClusterEnvelope envelope() {
        ClusterEnvelope ce = super.envelope();
        ConfigEnvelope env = ce.env();
        if (trials != null || cooldown != null || minRuns != null || maxRuns != null) {
            MultiRunSpec m = env.getMultiRun() == null ? new MultiRunSpec() : env.getMultiRun();
            if (trials != null) {
                if (trials < 1 || trials > 10) throw new BadInputException("--trials: 1-10 runs, got " + trials);
                m.setNumRuns(trials);
            }
            if (cooldown != null) {
                if (!Double.isFinite(cooldown) || cooldown < 0) throw new BadInputException("--cooldown: seconds >= 0, got " + cooldown);
                m.setCooldownSeconds(cooldown);
            }
            if (minRuns != null || maxRuns != null) {
                ConvergenceSpec c = m.getConvergence();
                if (c == null) throw new BadInputException((minRuns != null ? "--min-runs" : "--max-runs") + ": needs --convergence-metric (what must settle)");
                if (minRuns != null) {
                    if (minRuns < 2) throw new BadInputException("--min-runs: at least 2, got " + minRuns);
                    c.setMinRuns(minRuns);
                }
                if (maxRuns != null) {
                    if (maxRuns < 2 || maxRuns > 10) throw new BadInputException("--max-runs: 2-10, got " + maxRuns);
                    m.setNumRuns(maxRuns);
                }
                if (c.getMinRuns() != null && m.getNumRuns() != null && c.getMinRuns() > m.getNumRuns()) {
                    throw new BadInputException("--min-runs " + c.getMinRuns() + ": more than the " + m.getNumRuns() + " runs allowed; lower it or raise --max-runs");
                }
            }
            env.setMultiRun(m);
        }
        if (!ce.isSweep()) {
            throw new BadInputException("kube sweep: nothing to sweep; give list values (e.g. --concurrency 1,8,32), --variant, a sweep: section,"
                    + " or --trials N (or use kube profile for one run)");
        }
        if (ce.isSearch()) throw new BadInputException("kube sweep: a search is submitted with kube profile (a Search resource); drop the sweep flags or the search");
        return ce;
    }
}
