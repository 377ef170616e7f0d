package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of reasoning tokens over successful records. */
public final class TotalReasoningTokensMetric extends ScalarMetric {
    public static final String TAG = "total_reasoning_tokens";

    public TotalReasoningTokensMetric() {
        super(MetricDef.of(TAG, "Total Reasoning Tokens", TOKENS, DERIVED, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(ReasoningTokenCountMetric.TAG);
    }
}
