package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.aggregate.SweepAggregate;
import dev.redline.runner.plot.AutoPlot;
import dev.redline.runner.experiment.ExperimentLayout;
import dev.redline.runner.experiment.ExperimentListener;
import dev.redline.runner.experiment.ExperimentResult;
import dev.redline.runner.experiment.ExperimentRun;
import dev.redline.runner.experiment.ProfileEngine;
import dev.redline.runner.experiment.ProgressLine;
import dev.redline.runner.experiment.SweepTable;
import dev.redline.runner.profile.ArtifactLayout;
import dev.redline.runner.profile.RunOptions;

import java.io.PrintStream;
import java.nio.file.Path;

/** Runs a sweep or multi-run from the command line: the plan, the engine, the live table or progress lines, the summary. */
final class ExperimentLauncher {
    private ExperimentLauncher() { }

    /** True when the envelope asks for more than one plain run. */
    static boolean isExperiment(ConfigEnvelope env) {
        return env.getSweep() != null || (env.getMultiRun() != null && env.getMultiRun().resolvedNumRuns() > 1);
    }

    /** The experiment's base directory: the configured artifact dir, else {@code artifacts/<default name>}. */
    static Path artifactDir(BenchmarkSpec base) {
        String configured = base.getArtifacts() == null ? null : base.getArtifacts().getDir();
        return configured != null ? Path.of(configured) : Path.of("artifacts", ArtifactLayout.defaultName(base));
    }

    static int run(ConfigEnvelope env, RunOptions options, boolean terminal, String cli, PrintStream out, PrintStream err) {
        return run(env, options, terminal, cli, out, err, null);
    }

    /** {@code extra}: one more listener (a recipe's derived file), or null. */
    static int run(ConfigEnvelope env, RunOptions options, boolean terminal, String cli, PrintStream out, PrintStream err,
                   ExperimentListener extra) {
        ExperimentPlan plan = ExperimentPlan.of(env);
        BenchmarkSpec base = env.benchmark();
        Path dir = artifactDir(base);
        boolean table = terminal && !Boolean.TRUE.equals(env.getNoSweepTable()) && plan.variations().size() > 1
                && !"dashboard".equals(options.uiType());
        // with the table, the table owns the terminal: the runs' own tables go only to their console files, and
        // their info lines only to their logs (the level sets what reaches the terminal; the log file gets all)
        String level = "info".equals(options.logLevel()) ? "warn" : options.logLevel();
        RunOptions cells = table ? options.withDisplay("none", level) : options;
        ExperimentListener shown = table ? new SweepTable(out, true) : new ProgressLine(err);
        ExperimentListener listener = extra == null ? shown : ExperimentListener.all(java.util.List.of(shown, extra));
        ExperimentResult result;
        try (ProfileEngine engine = new ProfileEngine(cells, table ? null : out)) {
            result = new ExperimentRun(plan, ExperimentLayout.of(dir, plan), engine, listener, RedlineVersion.version(), cli).run();
        }
        summarise(result, plan, dir, out, err);
        int plotted = AutoPlot.afterRun(base, dir, out); // --auto-plot: the cells against each other, in dir
        return result.exitCode() != 0 ? result.exitCode() : plotted;
    }

    private static void summarise(ExperimentResult r, ExperimentPlan plan, Path dir, PrintStream out, PrintStream err) {
        SweepAggregate s = r.sweep();
        if (s != null) {
            ExperimentLayout layout = ExperimentLayout.of(dir, plan);
            if (s.bestThroughput() != null) out.println("Best throughput: " + s.bestThroughput().combination().parameters() + " "
                    + String.format(java.util.Locale.ROOT, "%.2f %s", s.bestThroughput().metric(), s.bestThroughput().unit()));
            if (s.bestLatency() != null) out.println("Best latency p99: " + s.bestLatency().combination().parameters() + " "
                    + String.format(java.util.Locale.ROOT, "%.2f %s", s.bestLatency().metric(), s.bestLatency().unit()));
            out.println("Pareto-optimal: " + s.pareto().stream().map(c -> c.parameters().toString()).toList());
            out.println("Sweep aggregate: " + layout.sweepAggregateDir().toAbsolutePath());
        } else {
            out.println("Aggregate: " + dir.resolve("aggregate").toAbsolutePath());
        }
        if (r.partial()) err.println("redline: interrupted after " + r.runs() + " runs; the aggregates of what finished are written (partial)");
        else if (r.failedRuns() > 0) err.println("redline: " + r.failedRuns() + " of " + r.runs() + " runs failed (see failed_runs in the aggregate); the others ran");
    }
}
