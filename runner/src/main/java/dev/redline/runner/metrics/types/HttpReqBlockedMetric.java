package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** Wait for a pooled connection: connection handed over minus start, less connecting. */
public final class HttpReqBlockedMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_blocked";

    public HttpReqBlockedMetric() {
        super(TAG, "HTTP Blocked", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.connectionPerfNs() - r.startPerfNs() - connectingNs(r);
    }
}
