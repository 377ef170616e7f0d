package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Input tokens of a failed request. */
public final class ErrorIslMetric extends RecordMetric {
    public static final String TAG = "error_isl";

    public ErrorIslMetric() {
        super(MetricDef.of(TAG, "Error Input Sequence Length", TOKENS, RECORD, MetricDef.UNORDERED, ERROR_ONLY));
    }

    @Override
    public double value(RequestRecord r) {
        return r.inputTokens() < 0 ? Double.NaN : r.inputTokens();
    }
}
