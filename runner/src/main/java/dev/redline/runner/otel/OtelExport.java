package dev.redline.runner.otel;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.OtelSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.load.LoadProgress;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsView;
import dev.redline.runner.profile.RunLog;
import dev.redline.runner.record.RequestRecord;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run's OpenTelemetry export (AIPerf's otel_metrics_streamer): an SDK meter provider whose periodic reader
 * sends OTLP/HTTP (protobuf) to the collector every {@link #INTERVAL} on its own thread, fed by the record thread
 * ({@link #record}) and by the load's phase counters. A collector that cannot be reached never fails the run:
 * one warning, and the results are written as usual. {@link #OFF} when the spec sets no URL.
 */
public class OtelExport implements AutoCloseable {
    /** AIPerf's AIPERF_OTEL_FLUSH_INTERVAL_SECONDS and AIPERF_OTEL_REQUEST_TIMEOUT_SECONDS defaults. */
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** No export: every call does nothing. */
    public static final OtelExport OFF = new OtelExport();

    /**
     * The SDK logs each failed export (the exporter with a stack trace, the reader once more); {@link WarnOnceExporter}
     * says it once instead. Held: JUL keeps loggers weakly.
     */
    private static final List<Logger> SDK_EXPORT_LOGS = List.of(Logger.getLogger("io.opentelemetry.exporter"),
            Logger.getLogger("io.opentelemetry.sdk.metrics.export.PeriodicMetricReader"));

    private final SdkMeterProvider provider;
    private final RecordHistograms histograms;
    private final PhaseCounters timing;

    private OtelExport() {
        provider = null;
        histograms = null;
        timing = null;
    }

    private OtelExport(SdkMeterProvider provider, RecordHistograms histograms, PhaseCounters timing) {
        this.provider = provider;
        this.histograms = histograms;
        this.timing = timing;
    }

    /**
     * The export the spec asks for ({@link #OFF} without otel.metricsUrl or with both streams off); nothing is
     * sent before the first record or the first interval.
     */
    public static OtelExport start(BenchmarkSpec spec, ClientConfig client, MetricsContext metrics, String benchmarkId, RunLog log) {
        OtelSpec o = spec.getOtel();
        if (o == null || o.getMetricsUrl() == null) return OFF;
        if (!o.metricsOn() && !o.timingOn()) {
            log.info("OpenTelemetry export is off: --stream none selects no stream");
            return OFF;
        }
        String endpoint;
        try {
            endpoint = OtelSpec.metricsEndpoint(o.getMetricsUrl());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("otel.metricsUrl (--otel-url): " + e.getMessage());
        }
        SDK_EXPORT_LOGS.forEach(l -> l.setLevel(Level.OFF));
        OtlpHttpMetricExporter otlp = OtlpHttpMetricExporter.builder().setEndpoint(endpoint).setTimeout(TIMEOUT)
                .setRetryPolicy(RetryPolicy.builder().setMaxAttempts(3).setInitialBackoff(Duration.ofMillis(500)).build())
                .build();
        SdkMeterProvider provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(resource(spec, client, benchmarkId))))
                .registerMetricReader(PeriodicMetricReader.builder(new WarnOnceExporter(otlp, endpoint, log))
                        .setInterval(INTERVAL).build())
                .build();
        var meter = provider.get("aiperf.records");
        Attributes genAi = genAi(spec, client);
        RecordHistograms histograms = o.metricsOn() ? new RecordHistograms(meter, new RecordMetricsView(metrics), genAi) : null;
        PhaseCounters timing = o.timingOn() ? new PhaseCounters(meter, genAi) : null;
        log.info("OpenTelemetry export to " + endpoint + " (" + (histograms == null ? "" : "metrics")
                + (histograms != null && timing != null ? ", " : "") + (timing == null ? "" : "timing") + ")");
        return new OtelExport(provider, histograms, timing);
    }

    /** AIPerf's resource attributes (service.name is redline here), then the user's, which win. */
    static Attributes resource(BenchmarkSpec spec, ClientConfig client, String benchmarkId) {
        AttributesBuilder b = Attributes.builder()
                .put("service.name", "redline")
                .put("service.instance.id", "records_manager")
                .put("aiperf.benchmark.id", benchmarkId)
                .put("aiperf.endpoint.type", client.endpointType().wireName());
        List<String> models = spec.getModels();
        if (models != null && !models.isEmpty()) b.put("aiperf.model.name", models.get(0));
        Map<String, String> custom = spec.getOtel().getCustomResourceAttributes();
        if (custom != null) custom.forEach(b::put);
        return b.build();
    }

    /** The three attributes the GenAI convention requires on every GenAI metric. */
    static Attributes genAi(BenchmarkSpec spec, ClientConfig client) {
        AttributesBuilder b = Attributes.builder()
                .put("gen_ai.operation.name", GenAiConventions.operationName(client.endpointType().wireName()))
                .put("gen_ai.provider.name", GenAiConventions.providerName(spec.getOtel().getGenAiProvider(), client.urls()));
        List<String> models = spec.getModels();
        if (models != null && !models.isEmpty()) b.put(AttributeKey.stringKey("gen_ai.request.model"), models.get(0));
        return b.build();
    }

    /** On the record thread: the record's metric values into the histograms. Late records are not counted, as in the summary. */
    public void record(RequestRecord r) {
        if (histograms != null && !r.lateForGrace()) histograms.record(r);
    }

    /** The load runner's live counters, for the timing stream. */
    public void attach(LoadProgress progress) {
        if (timing != null) timing.attach(progress);
    }

    /** After each phase: its final counters are kept before the next phase resets them. */
    public void phaseEnded() {
        if (timing != null) timing.phaseEnded();
    }

    /** Sends what is left and stops the reader; waits at most the export timeout. */
    @Override
    public void close() {
        if (provider == null) return;
        provider.shutdown().join(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }
}
