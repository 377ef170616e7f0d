package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record's metric values in display units, as the per-record JSONL export writes them (AIPerf §2.5):
 * valid records carry the valid-record metrics, errors only the error metrics (error_isl); metrics
 * flagged {@link MetricFlag#NO_INDIVIDUAL_RECORDS} and absent values are left out.
 */
public final class RecordMetricsView {
    /** Receives a record's values one by one, in registry order, without building a map. */
    public interface Visitor {
        void scalar(String tag, double value, MetricUnit unit) throws IOException;

        void list(String tag, double[] values, MetricUnit unit) throws IOException;
    }

    private final EnabledMetrics enabled;

    public RecordMetricsView(MetricsContext ctx) {
        this.enabled = new EnabledMetrics(ctx);
    }

    public void visit(RequestRecord r, Visitor visitor) throws IOException {
        boolean error = RecordOutcome.errorOf(r) != null;
        List<RecordMetric> metrics = error ? enabled.error() : enabled.valid();
        for (RecordMetric m : metrics) {
            if (m.def().has(MetricFlag.NO_INDIVIDUAL_RECORDS)) continue;
            if (m instanceof ListRecordMetric lm) {
                double[] vs = lm.values(r);
                if (vs != null) visitor.list(m.tag(), vs, m.def().unit());
            } else {
                double v = m.value(r);
                if (!Double.isNaN(v)) visitor.scalar(m.tag(), v, m.def().unit());
            }
        }
    }

    public Map<String, MetricValue> compute(RequestRecord r) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        try {
            visit(r, new Visitor() {
                @Override
                public void scalar(String tag, double value, MetricUnit unit) { out.put(tag, MetricValue.scalar(value, unit)); }

                @Override
                public void list(String tag, double[] values, MetricUnit unit) { out.put(tag, MetricValue.list(values, unit)); }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the map visitor does no I/O
        }
        return out;
    }
}
