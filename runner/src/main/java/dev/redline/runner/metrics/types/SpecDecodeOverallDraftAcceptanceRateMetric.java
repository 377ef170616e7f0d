package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Run-level {@code 100 * total accepted / total proposed drafts}; no value with zero drafts. */
public final class SpecDecodeOverallDraftAcceptanceRateMetric extends ScalarMetric {
    public static final String TAG = "spec_decode_overall_draft_acceptance_rate";

    public SpecDecodeOverallDraftAcceptanceRateMetric() {
        super(MetricDef.of(TAG, "Overall Draft Acceptance Rate", PERCENT, DERIVED, 5025, SPEC_DECODE, LARGER_IS_BETTER));
    }

    @Override
    public double value(RunTotals t) {
        double draft = t.sum(SpecDecodeDraftTokensMetric.TAG);
        if (!(draft > 0)) return Double.NaN;
        return 100.0 * t.sum(SpecDecodeAcceptedDraftTokensMetric.TAG) / draft;
    }
}
