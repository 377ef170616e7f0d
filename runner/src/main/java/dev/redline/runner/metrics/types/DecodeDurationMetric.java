package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Request latency minus TTFT (not divided by the token count). */
public final class DecodeDurationMetric extends RecordMetric {
    public static final String TAG = "decode_duration";

    public DecodeDurationMetric() {
        super(MetricDef.of(TAG, "Decode Duration", MILLISECONDS, RECORD, 350, STREAMING_ONLY, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return MILLISECONDS.fromBase(RecordTiming.decodeNs(r));
    }
}
