package dev.redline.runner.search;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Seeds;
import dev.redline.plan.search.AdaptiveSearch;
import dev.redline.plan.search.BestTrials;
import dev.redline.plan.search.BoundarySummary;
import dev.redline.plan.search.Evaluation;
import dev.redline.plan.search.SearchProblem;
import dev.redline.plan.search.SearchSpecs;
import dev.redline.runner.experiment.ExperimentLayout;
import dev.redline.runner.experiment.ExperimentListener;
import dev.redline.runner.experiment.ExperimentResult;
import dev.redline.runner.experiment.ExperimentRun;
import dev.redline.runner.experiment.ProfileEngine;
import dev.redline.runner.experiment.ProgressLine;
import dev.redline.runner.plot.AutoPlot;
import dev.redline.runner.profile.RunOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs an adaptive search from the command line: the planner proposes, {@link ExperimentRun} runs each
 * iteration's trials through the engine into {@code search_iter_NNNN/}, {@code search_history.json} is
 * rewritten after every iteration, and a summary line names the answer. Every iteration runs the same
 * workload (the experiment seed, 42 unless given), so probes differ only in their knobs.
 */
public final class SearchExperiment {
    private SearchExperiment() { }

    /**
     * @param dir    the artifact directory (with {@code resume}, the search to continue)
     * @param resume continue the search whose history is in {@code dir}
     */
    public static int run(ConfigEnvelope env, SearchSpecs.Resolved resolved, Path dir, boolean resume, RunOptions options,
                          String version, String cli, PrintStream out, PrintStream err) {
        MultiRunSpec mr = env.getMultiRun() == null ? new MultiRunSpec() : env.getMultiRun();
        BenchmarkSpec base = env.benchmark();
        Long seed = Seeds.base(env.resolvedSeed(), mr.consistentSeed(), true);
        base.setRandomSeed(seed);
        ExperimentPlan p = ExperimentPlan.of(base, null, mr, seed, "");
        ExperimentPlan plan = new ExperimentPlan(p.sweep(), p.multiRun(), p.baseSeed(), p.order(), resolved.cooldownSeconds());
        ExperimentLayout layout = new SearchLayout(dir, plan.trials());
        AdaptiveSearch search = new AdaptiveSearch(base, resolved, "sweep", PooledPercentiles.of(resolved.pooling(), resolved.problem(), layout));
        for (String notice : resolved.notices()) err.println("redline: " + notice);
        SearchResume earlier = resume ? SearchResume.read(dir, search, plan, layout) : SearchResume.none();
        if (resume) err.println("redline: resuming " + dir + " after " + earlier.observations().size() + " iterations");
        SearchHistoryFile history = new SearchHistoryFile(search, dir, plan.trials());
        ExperimentListener listener = ExperimentListener.all(List.of(new ProgressLine(err), history));
        ExperimentResult result;
        try (ProfileEngine engine = new ProfileEngine(options, out)) {
            result = new ExperimentRun(plan, search, layout, engine, listener, version, cli)
                    .resume(earlier.observations(), earlier.dirs()).run();
        }
        summarise(search, result, history.file(), out, err);
        int plotted = AutoPlot.afterRun(base, dir, out); // --auto-plot: the iterations against each other, in dir
        return result.exitCode() != 0 ? result.exitCode() : plotted;
    }

    private static void summarise(AdaptiveSearch search, ExperimentResult r, Path history, PrintStream out, PrintStream err) {
        List<Evaluation> evals = search.evaluations(r.completeObservations());
        SearchProblem p = search.resolved().problem();
        List<Integer> best = BestTrials.select(evals, p);
        out.println("Search: " + search.strategy().name() + ", " + evals.size() + " iterations, "
                + (r.partial() ? "interrupted" : r.stopReason()));
        for (int i : best) {
            Evaluation e = evals.get(i);
            StringBuilder line = new StringBuilder(best.size() > 1 ? "Pareto: " : "Best: ");
            line.append(p.space().valuesByPath(e.values())).append(" ");
            for (int k = 0; k < p.objectives().size(); k++) {
                line.append(k > 0 ? ", " : "").append(p.objectives().get(k).metric()).append(' ').append(p.objectives().get(k).stat())
                        .append(' ').append(String.format(java.util.Locale.ROOT, "%.2f", e.objective(k)));
            }
            if (!e.feasible()) line.append(" (no iteration met every SLA)");
            out.println(line);
        }
        BoundarySummary b = search.strategy().boundary(evals);
        if (b != null) {
            out.println("SLA boundary on " + b.sweptDimPath() + ": feasible up to " + (b.feasibleMax() == null ? "none" : num(b.feasibleMax().value()))
                    + ", breaks at " + (b.infeasibleMin() == null ? "none seen" : num(b.infeasibleMin().value()))
                    + (b.nonMonotonicWarning() ? " (non-monotonic: see search_history.json)" : ""));
        }
        out.println("Search history: " + history.toAbsolutePath());
        if (r.partial()) err.println("redline: interrupted after " + evals.size() + " iterations; continue with --resume " + history.getParent());
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
