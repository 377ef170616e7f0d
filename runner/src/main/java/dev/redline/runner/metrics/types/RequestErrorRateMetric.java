package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** 100 * errors / (successes + errors); present even when every request failed. */
public final class RequestErrorRateMetric extends ScalarMetric {
    public static final String TAG = "request_error_rate";

    public RequestErrorRateMetric() {
        super(MetricDef.of(TAG, "Request Error Rate", PERCENT, DERIVED, 1080));
    }

    @Override
    public double value(RunTotals t) {
        long all = t.validCount() + t.errorCount();
        return all == 0 ? Double.NaN : 100.0 * t.errorCount() / all;
    }
}
