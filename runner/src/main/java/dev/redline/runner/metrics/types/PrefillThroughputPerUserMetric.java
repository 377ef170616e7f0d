package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Prefill rate seen by one user: ISL / TTFT in seconds. */
public final class PrefillThroughputPerUserMetric extends RecordMetric {
    public static final String TAG = "prefill_throughput_per_user";

    public PrefillThroughputPerUserMetric() {
        super(MetricDef.of(TAG, "Prefill Throughput Per User", TOKENS_PER_SECOND_PER_USER, RECORD, MetricDef.UNORDERED, STREAMING_ONLY, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        long ttft = RecordTiming.ttftNs(r);
        if (ttft <= 0) return Double.NaN;
        return r.inputTokens() * 1e9 / ttft;
    }
}
