package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Server-reported usage.prompt_tokens. */
public final class UsagePromptTokensMetric extends RecordMetric {
    public static final String TAG = "usage_prompt_tokens";

    public UsagePromptTokensMetric() {
        super(MetricDef.of(TAG, "Usage Prompt Tokens", TOKENS, RECORD, MetricDef.UNORDERED, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        return r.usage() == null || r.usage().promptTokens() < 0 ? Double.NaN : r.usage().promptTokens();
    }
}
