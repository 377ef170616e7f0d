package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

/** A record metric with a list of values per record; the lists are flattened across records for stats. */
public abstract class ListRecordMetric extends RecordMetric {
    protected ListRecordMetric(MetricDef def) {
        super(def);
    }

    /** The record's values in display units, or null when there are none. */
    public abstract double[] values(RequestRecord r);

    @Override
    public final double value(RequestRecord r) { return Double.NaN; }
}
