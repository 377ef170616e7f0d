package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Sum of spec_decode_steps over successful records; equals the pooled histogram's counts. */
public final class TotalSpecDecodeStepsMetric extends ScalarMetric {
    public static final String TAG = "total_spec_decode_steps";

    public TotalSpecDecodeStepsMetric() {
        super(MetricDef.of(TAG, "Total Spec Decode Steps", COUNT, DERIVED, 5140, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.sum(SpecDecodeStepsMetric.TAG);
    }
}
