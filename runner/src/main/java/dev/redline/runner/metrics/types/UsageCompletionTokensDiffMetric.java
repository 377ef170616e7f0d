package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** |usage completion tokens - OSL| / OSL * 100; absent when OSL is 0. */
public final class UsageCompletionTokensDiffMetric extends RecordMetric {
    public static final String TAG = "usage_completion_tokens_diff_pct";

    public UsageCompletionTokensDiffMetric() {
        super(MetricDef.of(TAG, "Usage Completion Diff", PERCENT, RECORD, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, USAGE_DIFF_ONLY, HIDDEN));
    }

    @Override
    public double value(RequestRecord r) {
        int osl = r.outputSequenceLength();
        if (r.usage() == null || r.usage().completionTokens() < 0 || osl <= 0) return Double.NaN;
        return Math.abs(r.usage().completionTokens() - osl) * 100.0 / osl;
    }
}
