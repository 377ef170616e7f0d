package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of OSL over successful records. */
public final class TotalOslMetric extends ScalarMetric {
    public static final String TAG = "total_osl";

    public TotalOslMetric() {
        super(MetricDef.of(TAG, "Total Output Sequence Length", TOKENS, DERIVED, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(OutputSequenceLengthMetric.TAG);
    }
}
