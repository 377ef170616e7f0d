package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record's metric values in display units, as the per-record JSONL export writes them (AIPerf §2.5):
 * valid records carry the valid-record metrics, errors only the error metrics (error_isl); metrics
 * flagged {@link MetricFlag#NO_INDIVIDUAL_RECORDS} and absent values are left out.
 */
public final class RecordMetricsView {
    private final EnabledMetrics enabled;

    public RecordMetricsView(MetricsContext ctx) {
        this.enabled = new EnabledMetrics(ctx);
    }

    public Map<String, MetricValue> compute(RequestRecord r) {
        boolean error = RecordOutcome.errorOf(r) != null;
        List<RecordMetric> metrics = error ? enabled.error() : enabled.valid();
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (RecordMetric m : metrics) {
            if (m.def().has(MetricFlag.NO_INDIVIDUAL_RECORDS)) continue;
            if (m instanceof ListRecordMetric lm) {
                double[] vs = lm.values(r);
                if (vs != null) out.put(m.tag(), MetricValue.list(vs, m.def().unit()));
            } else {
                double v = m.value(r);
                if (!Double.isNaN(v)) out.put(m.tag(), MetricValue.scalar(v, m.def().unit()));
            }
        }
        return out;
    }
}
