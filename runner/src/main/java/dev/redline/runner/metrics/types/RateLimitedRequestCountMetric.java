package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.RunTotals;
import dev.redline.runner.metrics.ScalarMetric;

import static dev.redline.runner.metrics.MetricType.*;
import static dev.redline.runner.metrics.MetricUnit.*;

/**
 * Failed requests the server answered with HTTP 429 (rate limited), counted apart from the other errors
 * because they say the server refused load rather than broke; absent when there were none. Not an
 * AIPerf metric.
 */
public final class RateLimitedRequestCountMetric extends ScalarMetric {
    public static final String TAG = "rate_limited_request_count";
    /** Too Many Requests. */
    public static final int STATUS = 429;

    public RateLimitedRequestCountMetric() {
        super(MetricDef.of(TAG, "Rate Limited Request Count", REQUESTS, AGGREGATE, MetricDef.UNORDERED)); // not AIPerf: after its rows
    }

    @Override
    public double value(RunTotals t) {
        return t.rateLimitedCount() == 0 ? Double.NaN : t.rateLimitedCount();
    }
}
