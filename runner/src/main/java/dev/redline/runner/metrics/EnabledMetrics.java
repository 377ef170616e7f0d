package dev.redline.runner.metrics;

import java.util.List;

/** The metrics a run can produce, split by the records that feed them. */
public final class EnabledMetrics {
    private final List<RecordMetric> valid;
    private final List<RecordMetric> error;
    private final List<ScalarMetric> scalar;
    private final List<RecordCounterMetric> counters;

    public EnabledMetrics(MetricsContext ctx) {
        List<RecordMetric> rec = MetricRegistry.recordMetrics().stream().filter(m -> m.def().enabledFor(ctx)).toList();
        valid = rec.stream().filter(m -> !m.def().has(MetricFlag.ERROR_ONLY)).toList();
        error = rec.stream().filter(m -> m.def().has(MetricFlag.ERROR_ONLY)).toList();
        scalar = MetricRegistry.scalarMetrics().stream().filter(m -> m.def().enabledFor(ctx)).toList();
        counters = scalar.stream().filter(m -> m instanceof RecordCounterMetric)
                .map(m -> (RecordCounterMetric) m).toList();
    }

    /** Record metrics fed by valid records. */
    public List<RecordMetric> valid() { return valid; }

    /** Record metrics fed by error records. */
    public List<RecordMetric> error() { return error; }

    /** Aggregate and derived metrics. */
    public List<ScalarMetric> scalar() { return scalar; }

    /** The aggregate counters fed by each valid record. */
    public List<RecordCounterMetric> counters() { return counters; }
}
