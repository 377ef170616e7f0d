package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** Sending + waiting + receiving: end of body minus connection handed over. */
public final class HttpReqDurationMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_duration";

    public HttpReqDurationMetric() {
        super(TAG, "HTTP Duration", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.endPerfNs() == 0 ? Double.NaN : r.endPerfNs() - r.connectionPerfNs();
    }
}
