package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** TTST: second content chunk minus first; needs at least two content chunks. */
public final class TimeToSecondTokenMetric extends RecordMetric {
    public static final String TAG = "time_to_second_token";

    public TimeToSecondTokenMetric() {
        super(MetricDef.of(TAG, "Time to Second Token", MILLISECONDS, RECORD, 200, STREAMING_ONLY, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.chunkCount() < 2) return Double.NaN;
        return MILLISECONDS.fromBase(r.chunkPerfNs(1) - r.chunkPerfNs(0));
    }
}
