package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.OtelSpec;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** AIPerf's OpenTelemetry export flags, onto the spec's {@code otel} section. */
public final class OtelOptions implements SpecOptions {
    private static final List<String> DOMAINS = List.of("default", "metrics", "timing", "none");

    @Option(names = "--otel-url", paramLabel = "URL",
            description = "Send each record's metrics and the phase counters to this OTLP/HTTP collector while the run goes: host[:port] or an http(s) URL (/v1/metrics is appended).")
    String otelUrl;

    @Option(names = "--stream", arity = "1..*", split = ",", paramLabel = "metrics|timing|default|none",
            description = "What --otel-url exports: metrics (per-record histograms), timing (phase counters), default (both) or none.")
    List<String> stream;

    @Option(names = "--otel-resource-attributes", arity = "1..*", split = ",", paramLabel = "KEY=VALUE",
            description = "Resource attributes added to (and overriding) the defaults on every exported metric.")
    List<String> resourceAttributes;

    @Option(names = "--gen-ai-provider", paramLabel = "NAME",
            description = "gen_ai.provider.name of the GenAI metrics, e.g. openai. Default: inferred from the URL's host, else _OTHER.")
    String genAiProvider;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        if (otelUrl == null && stream == null && resourceAttributes == null && genAiProvider == null) return;
        OtelSpec o = spec.otel();
        if (otelUrl != null) {
            try {
                o.setMetricsUrl(OtelSpec.metricsEndpoint(otelUrl));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--otel-url: " + e.getMessage());
            }
        }
        if (stream != null) {
            boolean[] on = domains(stream);
            o.setStreamMetricsEnabled(on[0]);
            o.setStreamTimingEnabled(on[1]);
        }
        if (resourceAttributes != null) {
            Map<String, String> attrs = new LinkedHashMap<>(o.getCustomResourceAttributes() == null ? Map.of() : o.getCustomResourceAttributes());
            attrs.putAll(attributes(resourceAttributes));
            o.setCustomResourceAttributes(attrs);
        }
        if (genAiProvider != null) o.setGenAiProvider(genAiProvider.trim());
    }

    /** {metrics, timing} as AIPerf resolves --stream: none turns both off, default (or nothing) both on. */
    public static boolean[] domains(List<String> values) {
        boolean metrics = false;
        boolean timing = false;
        boolean none = false;
        for (String raw : values) {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (!DOMAINS.contains(v)) {
                throw new BadInputException("--stream: unknown value '" + raw + "'; use metrics, timing, default (both) or none");
            }
            none |= v.equals("none");
            metrics |= v.equals("metrics") || v.equals("default");
            timing |= v.equals("timing") || v.equals("default");
        }
        if (none) return new boolean[] {false, false};
        return new boolean[] {metrics, timing};
    }

    /** key=value pairs (each value may hold several, comma-separated); one line naming the bad pair. */
    static Map<String, String> attributes(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : pairs) {
            String pair = raw.trim();
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new BadInputException("--otel-resource-attributes: '" + pair + "' is not key=value; e.g. deployment.environment=staging");
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (key.isEmpty()) throw new BadInputException("--otel-resource-attributes: '" + pair + "' has an empty key; give key=value");
            if (value.isEmpty()) throw new BadInputException("--otel-resource-attributes: '" + pair + "' has an empty value; give key=value");
            out.put(key, value);
        }
        return out;
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("otel.metricsUrl", "--otel-url");
        m.put("otel.streamMetricsEnabled", "--stream");
        m.put("otel.streamTimingEnabled", "--stream");
        m.put("otel.customResourceAttributes", "--otel-resource-attributes");
        m.put("otel.genAiProvider", "--gen-ai-provider");
        return m;
    }
}
