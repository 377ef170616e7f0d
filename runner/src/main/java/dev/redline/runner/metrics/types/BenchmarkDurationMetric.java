package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/** max response timestamp - min request timestamp over successful records; every throughput divides by it. */
public final class BenchmarkDurationMetric extends ScalarMetric {
    public static final String TAG = "benchmark_duration";

    public BenchmarkDurationMetric() {
        super(MetricDef.of(TAG, "Benchmark Duration", SECONDS, DERIVED, MetricDef.UNORDERED, HIDDEN));
    }

    @Override
    public double value(RunTotals t) {
        return t.validCount() == 0 ? Double.NaN : SECONDS.fromBase(t.durationNs());
    }
}
