package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** |usage prompt tokens - ISL| / ISL * 100; absent when ISL is 0. */
public final class UsagePromptTokensDiffMetric extends RecordMetric {
    public static final String TAG = "usage_prompt_tokens_diff_pct";

    public UsagePromptTokensDiffMetric() {
        super(MetricDef.of(TAG, "Usage Prompt Diff", PERCENT, RECORD, MetricDef.UNORDERED, USAGE_DIFF_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.usage() == null || r.usage().promptTokens() < 0 || r.inputTokens() <= 0) return Double.NaN;
        return Math.abs(r.usage().promptTokens() - r.inputTokens()) * 100.0 / r.inputTokens();
    }
}
