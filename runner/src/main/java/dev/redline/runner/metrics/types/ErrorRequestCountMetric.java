package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Number of error records (cancellations included); absent on clean runs. */
public final class ErrorRequestCountMetric extends ScalarMetric {
    public static final String TAG = "error_request_count";

    public ErrorRequestCountMetric() {
        super(MetricDef.of(TAG, "Error Request Count", REQUESTS, AGGREGATE, MetricDef.UNORDERED, ERROR_ONLY));
    }

    @Override
    public double value(RunTotals t) {
        return t.errorCount() == 0 ? Double.NaN : t.errorCount();
    }
}
