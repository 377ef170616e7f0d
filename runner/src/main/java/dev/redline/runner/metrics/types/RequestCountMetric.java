package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Number of successful (valid) records; absent when every request failed (as AIPerf). */
public final class RequestCountMetric extends ScalarMetric {
    public static final String TAG = "request_count";

    public RequestCountMetric() {
        super(MetricDef.of(TAG, "Request Count", REQUESTS, AGGREGATE, 1100));
    }

    @Override
    public double value(RunTotals t) {
        return t.validCount() == 0 ? Double.NaN : t.validCount();
    }
}
