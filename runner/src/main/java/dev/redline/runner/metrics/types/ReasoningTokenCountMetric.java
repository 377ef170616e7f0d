package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Tokens of the reasoning text (separate reasoning fields only). */
public final class ReasoningTokenCountMetric extends RecordMetric {
    public static final String TAG = "reasoning_token_count";

    public ReasoningTokenCountMetric() {
        super(MetricDef.of(TAG, "Reasoning Token Count", TOKENS, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.reasoningTokens() < 0 ? Double.NaN : r.reasoningTokens();
    }
}
