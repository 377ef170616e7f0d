package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Server-reported usage.completion_tokens_details.reasoning_tokens. */
public final class UsageReasoningTokensMetric extends RecordMetric {
    public static final String TAG = "usage_reasoning_tokens";

    public UsageReasoningTokensMetric() {
        super(MetricDef.of(TAG, "Usage Reasoning Tokens", TOKENS, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.usage() == null || r.usage().reasoningTokens() < 0 ? Double.NaN : r.usage().reasoningTokens();
    }
}
