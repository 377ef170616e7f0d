package dev.redline.runner.experiment;

import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;

import java.io.PrintStream;
import java.util.List;

/** Without the sweep table (not a terminal, or --no-sweep-table): one line per run, "cell 3/12: concurrency_8". */
public final class ProgressLine implements ExperimentListener {
    private final PrintStream err;

    public ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public void runStarting(Variation v, int trial, int number, int total) {
        err.println("cell " + number + "/" + (total > 0 ? total : "?") + ": " + v.label() + (trial > 0 ? " (trial " + (trial + 1) + ")" : ""));
    }

    @Override
    public void runFinished(Variation v, int trial, TrialOutcome outcome, List<Observation> observed, int number, int total) {
        if (!outcome.succeeded()) err.println("cell " + number + "/" + (total > 0 ? total : "?") + " failed (the sweep goes on): " + outcome.error());
    }
}
