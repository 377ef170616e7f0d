package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.metrics.RecordTiming;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/** Request latency: last content chunk minus request start (the full body for non-streaming responses). */
public final class RequestLatencyMetric extends RecordMetric {
    public static final String TAG = "request_latency";

    public RequestLatencyMetric() {
        super(MetricDef.of(TAG, "Request Latency", MILLISECONDS, RECORD, 300));
    }

    @Override
    public double value(RequestRecord r) {
        return MILLISECONDS.fromBase(RecordTiming.latencyNs(r));
    }
}
