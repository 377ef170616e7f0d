package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** |usage reasoning tokens - reasoning token count| / reasoning token count * 100. */
public final class UsageReasoningTokensDiffMetric extends RecordMetric {
    public static final String TAG = "usage_reasoning_tokens_diff_pct";

    public UsageReasoningTokensDiffMetric() {
        super(MetricDef.of(TAG, "Usage Reasoning Diff", PERCENT, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, USAGE_DIFF_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.usage() == null || r.usage().reasoningTokens() < 0 || r.reasoningTokens() <= 0) return Double.NaN;
        return Math.abs(r.usage().reasoningTokens() - r.reasoningTokens()) * 100.0 / r.reasoningTokens();
    }
}
