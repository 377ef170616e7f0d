package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** Writing the request: written minus connection handed over. */
public final class HttpReqSendingMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_sending";

    public HttpReqSendingMetric() {
        super(TAG, "HTTP Sending", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.sentPerfNs() == 0 ? Double.NaN : r.sentPerfNs() - r.connectionPerfNs();
    }
}
