package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** (total ISL + total OSL) per second of benchmark duration. */
public final class TotalTokenThroughputMetric extends ScalarMetric {
    public static final String TAG = "total_token_throughput";

    public TotalTokenThroughputMetric() {
        super(MetricDef.of(TAG, "Total Token Throughput", TOKENS_PER_SECOND, DERIVED, MetricDef.UNORDERED, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.perSecond(t.sum(InputSequenceLengthMetric.TAG) + t.sum(OutputSequenceLengthMetric.TAG));
    }
}
