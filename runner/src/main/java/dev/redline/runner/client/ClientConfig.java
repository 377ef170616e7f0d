package dev.redline.runner.client;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the HTTP client and the request factories need to know about the server under test.
 *
 * @param baseUrl            server URL; {@code http://} is added when it has no scheme
 * @param path               endpoint path appended to the base URL's own path
 * @param includeUsage       send {@code stream_options.include_usage} when streaming. Redline turns this on
 *                           for every streaming run (AIPerf only when server token counts are needed) so the
 *                           report can compare client and server token counts.
 * @param maxInFlight        connection pool size: at least the highest number of requests ever in flight
 */
public record ClientConfig(String baseUrl, String path, EndpointType endpointType, boolean streaming,
                           Map<String, String> headers, String apiKey, double timeoutSeconds, int maxInFlight,
                           boolean includeUsage, boolean useLegacyMaxTokens, Map<String, Object> extraInputs) {

    public ClientConfig {
        baseUrl = withScheme(baseUrl == null || baseUrl.isBlank() ? EndpointSpec.DEFAULT_URL : baseUrl.trim());
        endpointType = endpointType == null ? EndpointType.CHAT : endpointType;
        path = path == null || path.isBlank() ? endpointType.defaultPath() : path;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        extraInputs = extraInputs == null ? Map.of() : new LinkedHashMap<>(extraInputs);
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        if (!(timeoutSeconds > 0)) throw new IllegalArgumentException("timeoutSeconds must be > 0, got " + timeoutSeconds);
    }

    /** Builds the client settings from the spec's endpoint; {@code maxInFlight} sizes the connection pool. */
    public static ClientConfig from(BenchmarkSpec spec, int maxInFlight) {
        EndpointSpec ep = spec.endpoint();
        return new ClientConfig(ep.resolvedUrl(), ep.resolvedPath(), ep.resolvedType(), ep.isStreaming(),
                ep.resolvedHeaders(), ep.getApiKey(), ep.resolvedTimeoutSeconds(), maxInFlight,
                ep.isStreaming(), ep.isUseLegacyMaxTokens(), ep.resolvedExtraInputs());
    }

    /** A copy with another pool size. */
    public ClientConfig withMaxInFlight(int n) {
        return new ClientConfig(baseUrl, path, endpointType, streaming, headers, apiKey, timeoutSeconds, n,
                includeUsage, useLegacyMaxTokens, extraInputs);
    }

    public URI baseUri() { return URI.create(baseUrl); }

    public boolean ssl() { return "https".equalsIgnoreCase(baseUri().getScheme()); }

    public String host() { return baseUri().getHost(); }

    public int port() {
        int p = baseUri().getPort();
        return p > 0 ? p : (ssl() ? 443 : 80);
    }

    /** Request URI: the base URL's path prefix (if any) joined with the endpoint path. */
    public String requestUri() { return joinPath(baseUri().getRawPath(), path); }

    /** Full URL of the endpoint, for messages. */
    public String endpointUrl() {
        return baseUri().getScheme() + "://" + baseUri().getRawAuthority() + requestUri();
    }

    static String withScheme(String url) {
        return url.contains("://") ? url : "http://" + url;
    }

    static String joinPath(String prefix, String path) {
        String p = prefix == null ? "" : prefix;
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p + (path.startsWith("/") ? path : "/" + path);
    }
}
