package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of spec_decode_draft_tokens over successful records. */
public final class TotalDraftTokensMetric extends ScalarMetric {
    public static final String TAG = "total_draft_tokens";

    public TotalDraftTokensMetric() {
        super(MetricDef.of(TAG, "Total Draft Tokens", TOKENS, DERIVED, 5160, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(SpecDecodeDraftTokensMetric.TAG);
    }
}
