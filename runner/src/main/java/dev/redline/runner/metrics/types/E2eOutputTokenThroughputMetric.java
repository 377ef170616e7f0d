package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** OSL / request latency in seconds; works without streaming. */
public final class E2eOutputTokenThroughputMetric extends RecordMetric {
    public static final String TAG = "e2e_output_token_throughput";

    public E2eOutputTokenThroughputMetric() {
        super(MetricDef.of(TAG, "E2E Output Token Throughput", TOKENS_PER_SECOND_PER_USER, RECORD, 510, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        int osl = r.outputSequenceLength();
        long latency = RecordTiming.latencyNs(r);
        if (osl < 0 || latency <= 0) return Double.NaN;
        return osl * 1e9 / latency;
    }
}
