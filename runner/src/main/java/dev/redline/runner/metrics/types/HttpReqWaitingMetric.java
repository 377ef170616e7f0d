package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.record.RequestRecord;

/** Time to first byte: response headers minus request written. */
public final class HttpReqWaitingMetric extends HttpTraceMetric {
    public static final String TAG = "http_req_waiting";

    public HttpReqWaitingMetric() {
        super(TAG, "HTTP Waiting (TTFB)", MetricUnit.MILLISECONDS);
    }

    @Override
    protected double traceNs(RequestRecord r) {
        return r.sentPerfNs() == 0 || r.ackPerfNs() == 0 ? Double.NaN : r.ackPerfNs() - r.sentPerfNs();
    }
}
