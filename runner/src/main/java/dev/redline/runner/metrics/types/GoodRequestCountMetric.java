package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Successful records that meet every goodput SLO. */
public final class GoodRequestCountMetric extends ScalarMetric {
    public static final String TAG = "good_request_count";

    public GoodRequestCountMetric() {
        super(MetricDef.of(TAG, "Good Request Count", REQUESTS, AGGREGATE, MetricDef.UNORDERED, GOODPUT_ONLY, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.goodCount();
    }
}
