package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.OtelSpec;

import java.util.Map;

/**
 * OpenTelemetry export: a usable OTLP/HTTP URL, non-empty resource attribute keys and values, and no export
 * settings without the URL (AIPerf refuses them rather than ignore them).
 */
final class OtelRules implements ValidationRule {
    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        OtelSpec o = spec.getOtel();
        if (o == null) return;
        if (o.getMetricsUrl() == null) {
            String set = o.getStreamMetricsEnabled() != null || o.getStreamTimingEnabled() != null ? "otel.streamMetricsEnabled"
                    : o.getCustomResourceAttributes() != null ? "otel.customResourceAttributes"
                    : o.getGenAiProvider() != null ? "otel.genAiProvider" : null;
            if (set != null) out.add(set, "needs otel.metricsUrl (--otel-url): nothing is exported without a collector; set it or remove this");
            return;
        }
        try {
            OtelSpec.metricsEndpoint(o.getMetricsUrl());
        } catch (IllegalArgumentException e) {
            out.add("otel.metricsUrl", e.getMessage());
        }
        if (o.getCustomResourceAttributes() != null) {
            for (Map.Entry<String, String> e : o.getCustomResourceAttributes().entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) {
                    out.add("otel.customResourceAttributes", "a key is empty; give key=value pairs, e.g. deployment.environment=staging");
                } else if (e.getValue() == null || e.getValue().isBlank()) {
                    out.add("otel.customResourceAttributes", "'" + e.getKey() + "' has an empty value; give key=value, e.g. "
                            + e.getKey() + "=staging");
                }
            }
        }
        if (o.getGenAiProvider() != null && o.getGenAiProvider().isBlank()) {
            out.add("otel.genAiProvider", "is empty; give a provider name such as openai, or leave it out to infer it from the URL");
        }
    }
}
