package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Latest send + request latency (epoch ns) over successful records. */
public final class MaxResponseTimestampMetric extends ScalarMetric {
    public static final String TAG = "max_response_timestamp";

    public MaxResponseTimestampMetric() {
        super(MetricDef.of(TAG, "Maximum Response Timestamp", NANOSECONDS, AGGREGATE, MetricDef.UNORDERED, INTERNAL, NO_INDIVIDUAL_RECORDS));
    }

    @Override
    public double value(RunTotals t) {
        return t.validCount() == 0 ? Double.NaN : t.maxResponseWallNs();
    }
}
