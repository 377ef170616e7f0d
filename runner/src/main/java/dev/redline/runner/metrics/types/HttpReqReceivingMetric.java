package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** Reading the body: end of body minus response headers. */
public final class HttpReqReceivingMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_receiving";

    public HttpReqReceivingMetric() {
        super(TAG, "HTTP Receiving", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.ackPerfNs() == 0 || r.endPerfNs() == 0 ? Double.NaN : r.endPerfNs() - r.ackPerfNs();
    }
}
