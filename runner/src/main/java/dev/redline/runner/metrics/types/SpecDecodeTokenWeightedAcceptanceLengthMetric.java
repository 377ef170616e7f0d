package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Run-level {@code 1 + total accepted / total steps}: every verify step weighs the same (the per-request mean weighs
 * every request the same); no value with zero steps. */
public final class SpecDecodeTokenWeightedAcceptanceLengthMetric extends ScalarMetric {
    public static final String TAG = "spec_decode_token_weighted_acceptance_length";

    public SpecDecodeTokenWeightedAcceptanceLengthMetric() {
        super(MetricDef.of(TAG, "Token-Weighted Acceptance Length", RATIO, DERIVED, 5010, SPEC_DECODE, LARGER_IS_BETTER));
    }

    @Override
    public double value(RunTotals t) {
        double steps = t.sum(SpecDecodeStepsMetric.TAG);
        if (!(steps > 0)) return Double.NaN;
        return 1.0 + t.sum(SpecDecodeAcceptedDraftTokensMetric.TAG) / steps;
    }
}
