package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Per-user output rate: 1 / ITL in seconds; absent when ITL is absent or zero. */
public final class OutputTokenThroughputPerUserMetric extends RecordMetric {
    public static final String TAG = "output_token_throughput_per_user";

    public OutputTokenThroughputPerUserMetric() {
        super(MetricDef.of(TAG, "Output Token Throughput Per User", TOKENS_PER_SECOND_PER_USER, RECORD, 500, STREAMING_ONLY, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RequestRecord r) {
        int osl = r.outputSequenceLength();
        long decodeNs = RecordTiming.decodeNs(r);
        if (osl < 2 || decodeNs <= 0) return Double.NaN;
        return (osl - 1) * 1e9 / decodeNs;
    }
}
