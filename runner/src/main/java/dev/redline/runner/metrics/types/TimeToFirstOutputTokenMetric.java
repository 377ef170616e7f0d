package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** TTFO: first chunk with non-reasoning content minus request start; equals TTFT for non-reasoning models. */
public final class TimeToFirstOutputTokenMetric extends RecordMetric {
    public static final String TAG = "time_to_first_output_token";

    public TimeToFirstOutputTokenMetric() {
        super(MetricDef.of(TAG, "Time to First Output Token", MILLISECONDS, RECORD, 210, STREAMING_ONLY, PRODUCES_TOKENS_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.firstOutputChunk() < 0) return Double.NaN;
        return MILLISECONDS.fromBase(r.chunkPerfNs(r.firstOutputChunk()) - r.startPerfNs());
    }
}
