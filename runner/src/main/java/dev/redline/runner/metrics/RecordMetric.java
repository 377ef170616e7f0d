package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

/**
 * A per-request metric. Most apply to valid records; those flagged {@link MetricFlag#ERROR_ONLY} apply to
 * error records instead.
 */
public abstract class RecordMetric {
    private final MetricDef def;

    protected RecordMetric(MetricDef def) {
        this.def = def;
    }

    public final MetricDef def() { return def; }

    public final String tag() { return def.tag(); }

    /** The record's value in display units, or NaN when the metric has no value for it (AIPerf's NoMetricValue). */
    public abstract double value(RequestRecord r);
}
