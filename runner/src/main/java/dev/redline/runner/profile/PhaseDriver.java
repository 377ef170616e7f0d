package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.load.LoadRunner;
import dev.redline.runner.metrics.RecordMetricsAccumulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link ProfileRun} drives its phases: alone ({@link #LOCAL}), or as the coordinator of several
 * runners, which splits each phase, holds the barriers and merges the other runners' results.
 */
public interface PhaseDriver {
    /** A single runner: every phase in order, nothing to merge. */
    PhaseDriver LOCAL = (runner, phases, hooks) -> {
        for (PhaseSpec phase : phases) {
            hooks.before(phase);
            hooks.after(phase, runner.runPhase(phase));
        }
    };

    /**
     * Runs the phases (this runner's share of them), calling {@code hooks} around each; blocks;
     * InterruptedException stops the run early.
     */
    void run(LoadRunner runner, List<PhaseSpec> phases, PhaseHooks hooks) throws InterruptedException;

    /**
     * Called once this runner's own records are all processed and its JSONL closed: adds the other runners'
     * metrics to {@code profiling} and appends their records to {@code recordsJsonl} (null: not exported).
     */
    default void complete(RecordMetricsAccumulator profiling, Path recordsJsonl, boolean interrupted) throws IOException { }

    /** Extra top-level fields for the summary JSON (e.g. runner count and clock offsets); null for none. */
    default ObjectNode summaryExtras() { return null; }
}
