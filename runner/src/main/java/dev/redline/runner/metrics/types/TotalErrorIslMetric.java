package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of ISL over error records. */
public final class TotalErrorIslMetric extends ScalarMetric {
    public static final String TAG = "total_error_isl";

    public TotalErrorIslMetric() {
        super(MetricDef.of(TAG, "Total Error Input Sequence Length", TOKENS, DERIVED, MetricDef.UNORDERED, ERROR_ONLY));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(ErrorIslMetric.TAG);
    }
}
