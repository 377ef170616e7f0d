package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** ITL (= TPOT): (request latency - TTFT) / (OSL - 1); only when OSL >= 2. */
public final class InterTokenLatencyMetric extends RecordMetric {
    public static final String TAG = "inter_token_latency";

    public InterTokenLatencyMetric() {
        super(MetricDef.of(TAG, "Inter Token Latency", MILLISECONDS, RECORD, 400, STREAMING_ONLY, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        int osl = r.outputSequenceLength();
        if (osl < 2) return Double.NaN;
        return MILLISECONDS.fromBase((double) RecordTiming.decodeNs(r) / (osl - 1));
    }
}
