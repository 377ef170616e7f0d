package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

/**
 * An aggregate counter fed by each valid record (AIPerf's aggregate counter metrics): the run value is
 * the number of records that counted, present only when at least one record was applicable.
 */
public abstract class RecordCounterMetric extends ScalarMetric {
    protected RecordCounterMetric(MetricDef def) {
        super(def);
    }

    /** 1 if the record counts, 0 if it is applicable but does not count, -1 if not applicable. */
    public abstract int countOf(RequestRecord r);

    @Override
    public double value(RunTotals totals) {
        Long n = totals.counters().get(tag());
        return n == null ? Double.NaN : n;
    }
}
