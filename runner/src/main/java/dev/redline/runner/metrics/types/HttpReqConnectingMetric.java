package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** TCP (+TLS) connect of a new connection; 0 when reused. */
public final class HttpReqConnectingMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_connecting";

    public HttpReqConnectingMetric() {
        super(TAG, "HTTP Connecting", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return connectingNs(r);
    }
}
