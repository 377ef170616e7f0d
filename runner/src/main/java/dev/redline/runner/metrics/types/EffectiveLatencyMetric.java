package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Coordinated-omission-aware latency: end of response minus the time the schedule meant to send. */
public final class EffectiveLatencyMetric extends RecordMetric {
    public static final String TAG = "effective_latency";

    public EffectiveLatencyMetric() {
        super(MetricDef.of(TAG, "Effective Latency", MILLISECONDS, RECORD, 310));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.intendedSendPerfNs() <= 0) return Double.NaN;
        return MILLISECONDS.fromBase(r.endPerfNs() - r.intendedSendPerfNs());
    }
}
