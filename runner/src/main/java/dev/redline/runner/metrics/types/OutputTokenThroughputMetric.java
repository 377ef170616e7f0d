package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Total OSL per second of benchmark duration. */
public final class OutputTokenThroughputMetric extends ScalarMetric {
    public static final String TAG = "output_token_throughput";

    public OutputTokenThroughputMetric() {
        super(MetricDef.of(TAG, "Output Token Throughput", TOKENS_PER_SECOND, DERIVED, 800, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER));
    }

    @Override
    public double value(RunTotals t) {
        return t.perSecond(t.sum(OutputSequenceLengthMetric.TAG));
    }
}
