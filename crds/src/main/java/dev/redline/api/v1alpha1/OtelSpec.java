package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * OpenTelemetry metrics export (AIPerf's {@code otel} section, its {@code --otel-url} flags): each record's metrics
 * as OTLP/HTTP histograms (GenAI semantic conventions where one exists) and the phase counters, sent while the run
 * goes. Keys are AIPerf's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OtelSpec {
    /** The OTLP/HTTP metrics path a bare collector address gets. */
    public static final String METRICS_PATH = "/v1/metrics";

    @JsonPropertyDescription("OTLP/HTTP metrics endpoint of an OpenTelemetry collector: host[:port] or an http(s) URL; /v1/metrics is appended unless the path ends with it (--otel-url). Unset: no export.")
    @Size(max = 2048)
    private String metricsUrl;

    @JsonPropertyDescription("Export each record's metrics (histograms). Default true (--stream metrics|timing|default|none).")
    private Boolean streamMetricsEnabled;

    @JsonPropertyDescription("Export the phase counters (requests sent, completed, in flight, ...). Default true (--stream).")
    private Boolean streamTimingEnabled;

    @JsonPropertyDescription("Resource attributes added to (and overriding) the defaults on every exported metric, e.g. deployment.environment: staging (--otel-resource-attributes key=value).")
    @Size(max = 64)
    private Map<String, String> customResourceAttributes;

    @JsonPropertyDescription("gen_ai.provider.name on the GenAI metrics, e.g. openai. Default: inferred from the endpoint URL's host, else _OTHER (--gen-ai-provider).")
    @Size(max = 256)
    private String genAiProvider;

    public String getMetricsUrl() { return metricsUrl; }
    public void setMetricsUrl(String metricsUrl) { this.metricsUrl = metricsUrl; }
    public Boolean getStreamMetricsEnabled() { return streamMetricsEnabled; }
    public void setStreamMetricsEnabled(Boolean streamMetricsEnabled) { this.streamMetricsEnabled = streamMetricsEnabled; }
    public Boolean getStreamTimingEnabled() { return streamTimingEnabled; }
    public void setStreamTimingEnabled(Boolean streamTimingEnabled) { this.streamTimingEnabled = streamTimingEnabled; }
    public Map<String, String> getCustomResourceAttributes() { return customResourceAttributes; }
    public void setCustomResourceAttributes(Map<String, String> customResourceAttributes) { this.customResourceAttributes = customResourceAttributes; }
    public String getGenAiProvider() { return genAiProvider; }
    public void setGenAiProvider(String genAiProvider) { this.genAiProvider = genAiProvider; }

    @JsonIgnore
    public boolean metricsOn() { return !Boolean.FALSE.equals(streamMetricsEnabled); }

    @JsonIgnore
    public boolean timingOn() { return !Boolean.FALSE.equals(streamTimingEnabled); }

    /**
     * The OTLP/HTTP endpoint of {@code url} as AIPerf resolves it: {@code http://} for a bare host[:port], and
     * {@code /v1/metrics} appended unless the path already ends with it. IllegalArgumentException says why not.
     */
    public static String metricsEndpoint(String url) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) throw new IllegalArgumentException("is empty; give host[:port] or an http(s) URL of an OTLP/HTTP collector, e.g. localhost:4318");
        if (!u.contains("://")) u = "http://" + u;
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL; give host[:port] or an http(s) URL, e.g. http://localhost:4318");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + url + "': only http and https are supported (OTLP/gRPC is not);"
                    + " give the collector's OTLP/HTTP address, e.g. http://localhost:4318");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' has no host; give host[:port] or an http(s) URL, e.g. localhost:4318");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (!path.endsWith(METRICS_PATH)) path = path + METRICS_PATH;
        return scheme + "://" + uri.getRawAuthority() + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
