package dev.redline.runner.metrics;

import dev.redline.api.v1alpha1.EndpointType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the metrics engine needs to know about the run.
 *
 * @param endpointType        decides whether token metrics exist (embeddings produce none)
 * @param streaming           streaming-only metrics (TTFT, ITL, ...) exist only when true
 * @param goodputSlos         tag -> threshold in the metric's display unit (ms, tokens/sec); empty = no goodput
 * @param useServerTokenCount token counts come from the server's usage block, so usage-vs-client
 *                            discrepancy metrics are meaningless and disabled
 */
public record MetricsContext(EndpointType endpointType, boolean streaming, Map<String, Double> goodputSlos,
                             boolean useServerTokenCount) {
    public MetricsContext {
        Objects.requireNonNull(endpointType, "endpointType");
        goodputSlos = goodputSlos == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(goodputSlos));
    }

    public static MetricsContext of(EndpointType type, boolean streaming) {
        return new MetricsContext(type, streaming, Map.of(), false);
    }
}
