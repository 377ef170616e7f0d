package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Successful requests per second of benchmark duration. */
public final class RequestThroughputMetric extends ScalarMetric {
    public static final String TAG = "request_throughput";

    public RequestThroughputMetric() {
        super(MetricDef.of(TAG, "Request Throughput", REQUESTS_PER_SECOND, DERIVED, 900, LARGER_IS_BETTER));
    }

    @Override
    public double value(RunTotals t) {
        return t.perSecond(t.validCount());
    }
}
