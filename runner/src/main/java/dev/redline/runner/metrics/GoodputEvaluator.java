package dev.redline.runner.metrics;

import dev.redline.runner.record.RequestRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a valid record is "good": every SLO must hold, {@code >=} for larger-is-better metrics,
 * {@code <=} otherwise, thresholds in display units. A record without a value for an SLO metric is not
 * good; for the list metric inter_chunk_latency every gap must pass. SLOs on metrics this run cannot
 * produce (e.g. TTFT without streaming) are ignored.
 */
public final class GoodputEvaluator {
    private final RecordMetric[] metrics;
    private final double[] thresholds;
    private final boolean configured;

    public GoodputEvaluator(MetricsContext ctx) {
        List<RecordMetric> ms = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        for (Map.Entry<String, Double> slo : ctx.goodputSlos().entrySet()) {
            RecordMetric m = MetricRegistry.findRecordMetric(slo.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "goodput: unknown metric tag '" + slo.getKey() + "'; use a record metric tag such as time_to_first_token"));
            if (!m.def().enabledFor(ctx) || m.def().has(MetricFlag.ERROR_ONLY)) continue;
            ms.add(m);
            ts.add(slo.getValue());
        }
        configured = !ctx.goodputSlos().isEmpty();
        metrics = ms.toArray(new RecordMetric[0]);
        thresholds = ts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the run has goodput SLOs at all (even if every one was ignored, making each valid record good). */
    public boolean configured() { return configured; }

    public boolean isGood(RequestRecord r) {
        for (int i = 0; i < metrics.length; i++) {
            boolean larger = metrics[i].def().has(MetricFlag.LARGER_IS_BETTER);
            if (metrics[i] instanceof ListRecordMetric lm) {
                double[] vs = lm.values(r);
                if (vs == null) return false;
                for (double v : vs) if (!passes(v, thresholds[i], larger)) return false;
            } else {
                double v = metrics[i].value(r);
                if (Double.isNaN(v) || !passes(v, thresholds[i], larger)) return false;
            }
        }
        return true;
    }

    private static boolean passes(double v, double threshold, boolean largerIsBetter) {
        return largerIsBetter ? v >= threshold : v <= threshold;
    }
}
