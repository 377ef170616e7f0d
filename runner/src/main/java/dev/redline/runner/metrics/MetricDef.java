package dev.redline.runner.metrics;

import dev.redline.api.v1alpha1.EndpointType;

import java.util.EnumSet;
import java.util.Set;

/**
 * The identity of a metric: AIPerf's tag, header, display unit, kind, flags and console order
 * (lower first; {@link #UNORDERED} sorts after every ordered metric, in registry order).
 */
public record MetricDef(String tag, String header, MetricUnit unit, MetricType type, Set<MetricFlag> flags,
                        int displayOrder) {
    public static final int UNORDERED = 100_000;

    public MetricDef {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public static MetricDef of(String tag, String header, MetricUnit unit, MetricType type, int order,
                               MetricFlag... flags) {
        return new MetricDef(tag, header, unit, type, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags),
                order);
    }

    public boolean has(MetricFlag flag) { return flags.contains(flag); }

    /** Whether this run can produce the metric at all (endpoint, streaming, goodput, token source). */
    public boolean enabledFor(MetricsContext ctx) {
        if (has(MetricFlag.STREAMING_ONLY) && !ctx.streaming()) return false;
        if (has(MetricFlag.PRODUCES_TOKENS_ONLY) && !ctx.endpointType().producesTokens()) return false;
        if (has(MetricFlag.IMAGES_ONLY) && !ctx.endpointType().accepts(EndpointType.Input.IMAGE)
                && ctx.endpointType().output() != EndpointType.Output.IMAGES) return false;
        if (has(MetricFlag.GOODPUT_ONLY) && ctx.goodputSlos().isEmpty()) return false;
        if (has(MetricFlag.SUPPORTS_AUDIO_ONLY) && !ctx.endpointType().accepts(EndpointType.Input.AUDIO)) return false;
        if (has(MetricFlag.PRODUCES_VIDEO_ONLY) && ctx.endpointType().output() != EndpointType.Output.VIDEOS) return false;
        return !has(MetricFlag.USAGE_DIFF_ONLY) || !ctx.useServerTokenCount();
    }

    /** Shown in the console's main table: not hidden, internal, error-only or in the Spec Decode section. */
    public boolean consoleVisible() {
        return !has(MetricFlag.HIDDEN) && !has(MetricFlag.INTERNAL) && !has(MetricFlag.ERROR_ONLY)
                && !has(MetricFlag.SPEC_DECODE);
    }
}
