package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Good requests (all SLOs met) per second of benchmark duration. */
public final class GoodputMetric extends ScalarMetric {
    public static final String TAG = "goodput";

    public GoodputMetric() {
        super(MetricDef.of(TAG, "Goodput", REQUESTS_PER_SECOND, DERIVED, 1000, GOODPUT_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RunTotals t) {
        return t.perSecond(t.goodCount());
    }
}
