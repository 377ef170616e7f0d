package dev.redline.runner.otel;

import dev.redline.runner.profile.RunLog;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The OTLP exporter, saying once in the run log that the collector did not take an export (unreachable, or an
 * error status) instead of the SDK's line per attempt; the run goes on either way, as AIPerf's does.
 */
final class WarnOnceExporter implements MetricExporter {
    private final MetricExporter delegate;
    private final String endpoint;
    private final RunLog log;
    private final AtomicBoolean warned = new AtomicBoolean();

    WarnOnceExporter(MetricExporter delegate, String endpoint, RunLog log) {
        this.delegate = delegate;
        this.endpoint = endpoint;
        this.log = log;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        CompletableResultCode result = delegate.export(metrics);
        result.whenComplete(() -> {
            if (!result.isSuccess() && warned.compareAndSet(false, true)) {
                Throwable why = result.getFailureThrowable();
                log.warn("OpenTelemetry collector at " + endpoint + " did not take the metrics"
                        + (why == null ? "" : " (" + why.getMessage() + ")")
                        + "; the benchmark goes on and its results are written as usual; later failures are not reported");
            }
        });
        return result;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return delegate.getAggregationTemporality(instrumentType);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return delegate.getDefaultAggregation(instrumentType);
    }

    @Override
    public MemoryMode getMemoryMode() { return delegate.getMemoryMode(); }

    @Override
    public CompletableResultCode flush() { return delegate.flush(); }

    @Override
    public CompletableResultCode shutdown() { return delegate.shutdown(); }
}
