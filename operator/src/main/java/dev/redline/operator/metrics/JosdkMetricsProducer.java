package dev.redline.operator.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK's reconcile metrics in the Quarkus registry that /q/metrics serves. QOSDK would bind them on its
 * own (its default bean collects per resource); this replaces that default with the per-controller form:
 * per-resource series carry each Benchmark's name and namespace, so they would grow with every run.
 */
@ApplicationScoped
public class JosdkMetricsProducer {
    @Produces
    @Singleton
    Metrics josdkMetrics(MeterRegistry registry) {
        return MicrometerMetrics.withoutPerResourceMetrics(registry);
    }
}
