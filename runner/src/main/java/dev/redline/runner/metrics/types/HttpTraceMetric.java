package dev.redline.runner.metrics.types;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricUnit;
import dev.redline.runner.metrics.RecordMetric;
import dev.redline.runner.record.RequestRecord;

import static dev.redline.runner.metrics.MetricFlag.*;
import static dev.redline.runner.metrics.MetricType.RECORD;
import static dev.redline.runner.metrics.MetricUnit.*;

/**
 * An HTTP trace phase of one request (AIPerf §1.8, k6 naming), from the client's trace timestamps.
 * Hidden from the console unless {@code --show-trace-timing}; in the JSON summary and per-record JSONL.
 * NaN when the request never got a connection (nothing to trace).
 */
public abstract class HttpTraceMetric extends RecordMetric {
    protected HttpTraceMetric(String tag, String header, MetricUnit unit) {
        super(MetricDef.of(tag, header, unit, RECORD, MetricDef.UNORDERED, HTTP_TRACE, HIDDEN));
    }

    @Override
    public final double value(RequestRecord r) {
        if (r.connectionPerfNs() <= 0 || r.startPerfNs() <= 0) return Double.NaN;
        double ns = traceNs(r);
        return Double.isNaN(ns) ? ns : def().unit().fromBase(Math.max(0, ns));
    }

    /** The phase's length in ns (negative is clamped to 0), or NaN when the record lacks a timestamp. */
    protected abstract double traceNs(RequestRecord r);

    /** TCP (+TLS) connect time of a new connection, 0 when reused. */
    static long connectingNs(RequestRecord r) {
        return r.connectedPerfNs() == 0 ? 0 : Math.max(0, r.connectedPerfNs() - r.startPerfNs());
    }
}
