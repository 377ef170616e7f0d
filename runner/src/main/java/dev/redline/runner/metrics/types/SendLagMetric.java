package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.MILLISECONDS;

/**
 * How late the client sent a request against its schedule: actual send minus intended send. Near zero
 * when the client keeps up; growing values mean the load generator, not the server, set the pace.
 */
public final class SendLagMetric extends RecordMetric {
    public static final String TAG = "send_lag";

    public SendLagMetric() {
        super(MetricDef.of(TAG, "Send Lag", MILLISECONDS, RECORD, 320));
    }

    @Override
    public double value(RequestRecord r) {
        if (r.intendedSendPerfNs() <= 0) return Double.NaN;
        return MILLISECONDS.fromBase(r.startPerfNs() - r.intendedSendPerfNs());
    }
}
