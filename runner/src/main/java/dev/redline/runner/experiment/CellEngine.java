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

    @Override
    default void close() { }
}
