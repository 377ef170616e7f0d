package dev.redline.runner.plot.discover;

import java.nio.file.Path;

/**
 * One plottable run found on disk: a single run (summary, and records when exported) or a multi-run
 * confidence aggregate (one cell's mean and CI over its trials).
 *
 * @param summary   profile_export_redline.json / profile_export_aiperf.json, null for an aggregate
 * @param records   profile_export.jsonl or null
 * @param aggregate the confidence aggregate JSON, null for a single run
 */
public record RunDir(Path path, Path summary, Path records, Path aggregate) {
    public boolean isAggregate() { return aggregate != null; }

    /** The summary or aggregate file: what the run's numbers come from. */
    public Path source() { return aggregate != null ? aggregate : summary; }
}
