package dev.redline.runner.otel;

import dev.redline.runner.record.ErrorInfo;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which record metrics have an OpenTelemetry GenAI semantic-convention metric, and the attribute values those
 * metrics carry (https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-metrics/), as AIPerf maps them:
 * names, units, advisory bucket boundaries, {@code gen_ai.operation.name}, {@code gen_ai.provider.name} and
 * {@code error.type}. Other metrics keep AIPerf's {@code aiperf.<tag>} name.
 */
final class GenAiConventions {
    /** A spec metric: its name, unit, bucket boundaries, and the gen_ai.token.type of a token metric (else null). */
    record SpecMetric(String name, String unit, List<Double> buckets, String tokenType) {
        boolean seconds() { return unit.equals("s"); }
    }

    static final String PREFIX = "aiperf.";

    private static final List<Double> DURATION = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
            10.24, 20.48, 40.96, 81.92);
    private static final List<Double> FIRST_CHUNK = List.of(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14,
            0.16, 0.18, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.75, 1.0, 2.0, 5.0);
    private static final List<Double> TOKENS = List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0,
            262144.0, 1048576.0, 4194304.0, 16777216.0);

    /**
     * AIPerf's table. Input tokens have an entry there too (input_token_count), but no AIPerf record metric has that
     * tag, so input lengths go out as aiperf.input_sequence_length; the same here.
     */
    private static final Map<String, SpecMetric> BY_TAG = Map.of(
            "request_latency", new SpecMetric("gen_ai.client.operation.duration", "s", DURATION, null),
            "time_to_first_token", new SpecMetric("gen_ai.client.operation.time_to_first_chunk", "s", FIRST_CHUNK, null),
            "inter_token_latency", new SpecMetric("gen_ai.client.operation.time_per_output_chunk", "s", FIRST_CHUNK, null),
            "output_token_count", new SpecMetric("gen_ai.client.token.usage", "{token}", TOKENS, "output"));

    private static final List<Map.Entry<Pattern, String>> PROVIDER_HOSTS = List.of(
            Map.entry(Pattern.compile("api\\.openai\\.com$"), "openai"),
            Map.entry(Pattern.compile("api\\.anthropic\\.com$"), "anthropic"),
            Map.entry(Pattern.compile("api\\.deepseek\\.com$"), "deepseek"),
            Map.entry(Pattern.compile("api\\.mistral\\.ai$"), "mistral_ai"),
            Map.entry(Pattern.compile("api\\.cohere\\.(ai|com)$"), "cohere"),
            Map.entry(Pattern.compile("api\\.x\\.ai$"), "x_ai"),
            Map.entry(Pattern.compile("api\\.groq\\.com$"), "groq"),
            Map.entry(Pattern.compile("api\\.perplexity\\.ai$"), "perplexity"),
            Map.entry(Pattern.compile("generativelanguage\\.googleapis\\.com$"), "gcp.gemini"),
            Map.entry(Pattern.compile(".*-aiplatform\\.googleapis\\.com$"), "gcp.vertex_ai"),
            Map.entry(Pattern.compile("bedrock-runtime\\..*\\.amazonaws\\.com$"), "aws.bedrock"),
            Map.entry(Pattern.compile(".*\\.openai\\.azure\\.com$"), "azure.ai.openai"),
            Map.entry(Pattern.compile(".*\\.services\\.ai\\.azure\\.com$"), "azure.ai.inference"),
            Map.entry(Pattern.compile(".*\\.ibm\\.com$"), "ibm.watsonx.ai"));

    /** error.type values, indexed by {@link #errorTypeIndex}; 0 = no error (no attribute). */
    static final String[] ERROR_TYPES = {null, "http_5xx", "http_4xx", "timeout", "cancelled", "parse_error", "_OTHER"};

    private GenAiConventions() { }

    /** The spec metric of an AIPerf record metric tag, or null (exported as aiperf.&lt;tag&gt;). */
    static SpecMetric forTag(String tag) { return BY_TAG.get(tag); }

    /** gen_ai.operation.name of an endpoint type: chat, text_completion, embeddings; chat for any other. */
    static String operationName(String endpointType) {
        return switch (endpointType.toLowerCase(Locale.ROOT)) {
            case "completions" -> "text_completion";
            case "embeddings" -> "embeddings";
            default -> "chat";
        };
    }

    /** gen_ai.provider.name: the explicit name, else the first URL whose host is a known provider's, else _OTHER. */
    static String providerName(String explicit, List<String> urls) {
        if (explicit != null && !explicit.isBlank()) return explicit;
        for (String url : urls) {
            String host = host(url);
            if (host == null) continue;
            for (Map.Entry<Pattern, String> p : PROVIDER_HOSTS) {
                if (p.getKey().matcher(host).find()) return p.getValue();
            }
        }
        return "_OTHER";
    }

    private static String host(String url) {
        String u = url.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) return null;
        if (!u.contains("://")) return u.split("[:/]", 2)[0];
        try {
            return URI.create(u).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The index into {@link #ERROR_TYPES} of a record's error (0: none), by AIPerf's order: status code, type, message. */
    static int errorTypeIndex(ErrorInfo e) {
        if (e == null) return 0;
        if (e.code() >= 500 && e.code() <= 599) return 1;
        if (e.code() >= 400 && e.code() <= 499) return 2;
        String type = e.type() == null ? "" : e.type();
        String message = e.message() == null ? "" : e.message().toLowerCase(Locale.ROOT);
        if (type.equals("timeout") || type.endsWith("TimeoutError") || type.endsWith("TimeoutException")) return 3;
        if (type.equals("cancelled")) return 4;
        if (message.contains("json") && (message.contains("parse") || message.contains("decode"))) return 5;
        return 6;
    }
}
