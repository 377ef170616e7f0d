package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Earliest send (epoch ns) over successful records. */
public final class MinRequestTimestampMetric extends ScalarMetric {
    public static final String TAG = "min_request_timestamp";

    public MinRequestTimestampMetric() {
        super(MetricDef.of(TAG, "Minimum Request Timestamp", NANOSECONDS, AGGREGATE, MetricDef.UNORDERED, INTERNAL, NO_INDIVIDUAL_RECORDS));
    }

    @Override
    public double value(RunTotals t) {
        return t.validCount() == 0 ? Double.NaN : t.minRequestWallNs();
    }
}
