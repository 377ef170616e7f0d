package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of ISL over successful records. */
public final class TotalIslMetric extends ScalarMetric {
    public static final String TAG = "total_isl";

    public TotalIslMetric() {
        super(MetricDef.of(TAG, "Total Input Sequence Length", TOKENS, DERIVED, MetricDef.UNORDERED, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(InputSequenceLengthMetric.TAG);
    }
}
