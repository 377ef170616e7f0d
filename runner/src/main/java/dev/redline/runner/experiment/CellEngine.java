package dev.redline.runner.experiment;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.export.RunLabels;

import java.nio.file.Path;

/**
 * The one way the experiment layer runs the single-run engine: a complete spec, its place in the
 * experiment and a directory in, the run's summary (or why there is none) out. Everything else about
 * a run (tokenizer, dataset, client, metrics, exports) is the engine's business.
 */
public interface CellEngine extends AutoCloseable {
    /** Runs {@code spec} writing its artifacts into {@code dir}; never throws for a failed run (the result says why). */
    CellResult run(BenchmarkSpec spec, RunLabels labels, Path dir);

    /**
     * Starts {@code spec} and returns at once; the cell says when its load is over and, later, its result. An engine
     * that can overlap runs lets the next one start while this one writes its results; by default the run is whole
     * before this returns.
     */
    default PendingCell start(BenchmarkSpec spec, RunLabels labels, Path dir) {
        return PendingCell.done(run(spec, labels, dir));
    }

    @Override
    default void close() { }
}
