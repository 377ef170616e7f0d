package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Non-reasoning output tokens. */
public final class OutputTokenCountMetric extends RecordMetric {
    public static final String TAG = "output_token_count";

    public OutputTokenCountMetric() {
        super(MetricDef.of(TAG, "Output Token Count", TOKENS, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.outputTokens() < 0 ? Double.NaN : r.outputTokens();
    }
}
