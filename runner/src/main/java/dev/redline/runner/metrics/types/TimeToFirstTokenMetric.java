package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** TTFT: first content chunk minus request start (content chunks include reasoning-only chunks). */
public final class TimeToFirstTokenMetric extends RecordMetric {
    public static final String TAG = "time_to_first_token";

    public TimeToFirstTokenMetric() {
        super(MetricDef.of(TAG, "Time to First Token", MILLISECONDS, RECORD, 100, STREAMING_ONLY, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return MILLISECONDS.fromBase(RecordTiming.ttftNs(r));
    }
}
