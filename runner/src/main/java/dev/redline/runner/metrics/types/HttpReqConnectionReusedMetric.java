package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** 1 when the request ran on a kept-alive connection, else 0. */
public final class HttpReqConnectionReusedMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_connection_reused";

    public HttpReqConnectionReusedMetric() {
        super(TAG, "HTTP Connection Reused", MetricUnit.REQUESTS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.connectedPerfNs() == 0 ? 1 : 0;
    }
}
