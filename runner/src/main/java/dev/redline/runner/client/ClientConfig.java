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
 * @param path               null when the type has none (raw, template): requests go to the base URL itself
 * @param settings           the endpoint options beyond the common ones (content type, session header, ...)
 */
public record ClientConfig(String baseUrl, String path, EndpointType endpointType, boolean streaming,
                           Map<String, String> headers, String apiKey, double timeoutSeconds, int maxInFlight,
                           boolean includeUsage, boolean useLegacyMaxTokens, Map<String, Object> extraInputs,
                           Settings settings) {

    /**
     * What some endpoint types need beyond the common settings.
     *
     * @param requestContentType   application/json or multipart/form-data
     * @param sessionHeader        the header carrying the session id (X-Correlation-ID)
     * @param splitThinkTags       a leading {@code <think>...</think>} in the content is reasoning
     * @param downloadVideoContent video_generation: the download of the result counts in the latency
     * @param grpcMethod           dynamic_grpc: {@code package.Service/Method}
     * @param grpcDescriptorSet    dynamic_grpc: the FileDescriptorSet file
     */
    public record Settings(String requestContentType, String sessionHeader, boolean splitThinkTags,
                           boolean downloadVideoContent, String grpcMethod, String grpcDescriptorSet) {
        public static final Settings DEFAULT = new Settings(null, null, false, false, null, null);

        public Settings {
            sessionHeader = sessionHeader == null || sessionHeader.isBlank() ? EndpointSpec.DEFAULT_SESSION_HEADER : sessionHeader;
        }

        public static Settings of(EndpointSpec ep) {
            return new Settings(ep.getRequestContentType(), ep.resolvedSessionHeader(), ep.isSplitThinkTags(),
                    ep.isDownloadVideoContent(), ep.getGrpcMethod(), ep.getGrpcDescriptorSet());
        }

        public Settings withRequestContentType(String contentType) {
            return new Settings(contentType, sessionHeader, splitThinkTags, downloadVideoContent, grpcMethod, grpcDescriptorSet);
        }
    }

    public ClientConfig(String baseUrl, String path, EndpointType endpointType, boolean streaming,
                        Map<String, String> headers, String apiKey, double timeoutSeconds, int maxInFlight,
                        boolean includeUsage, boolean useLegacyMaxTokens, Map<String, Object> extraInputs) {
        this(baseUrl, path, endpointType, streaming, headers, apiKey, timeoutSeconds, maxInFlight, includeUsage,
                useLegacyMaxTokens, extraInputs, Settings.DEFAULT);
    }

    public ClientConfig {
        baseUrl = withScheme(baseUrl == null || baseUrl.isBlank() ? EndpointSpec.DEFAULT_URL : baseUrl.trim());
        endpointType = endpointType == null ? EndpointType.CHAT : endpointType;
        path = path == null || path.isBlank() ? endpointType.defaultPath(streaming) : path;
        settings = settings == null ? Settings.DEFAULT : settings;
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
                ep.isStreaming(), ep.isUseLegacyMaxTokens(), ep.resolvedExtraInputs(), Settings.of(ep));
    }

    /** A copy with another pool size. */
    public ClientConfig withMaxInFlight(int n) {
        return new ClientConfig(baseUrl, path, endpointType, streaming, headers, apiKey, timeoutSeconds, n,
                includeUsage, useLegacyMaxTokens, extraInputs, settings);
    }

    /** The request body's content type: the one asked for, else the type's own. */
    public String requestContentType() {
        String ct = settings.requestContentType();
        if (ct != null && !ct.isBlank()) return ct;
        return endpointType.requiresFormData() ? EndpointSpec.MULTIPART : EndpointSpec.JSON;
    }

    /** True when requests go over gRPC (a grpc:// or grpcs:// base URL). */
    public boolean grpc() {
        String scheme = baseUri().getScheme();
        return "grpc".equalsIgnoreCase(scheme) || "grpcs".equalsIgnoreCase(scheme);
    }

    public URI baseUri() { return URI.create(baseUrl); }

    public boolean ssl() {
        String scheme = baseUri().getScheme();
        return "https".equalsIgnoreCase(scheme) || "grpcs".equalsIgnoreCase(scheme);
    }

    public String host() { return baseUri().getHost(); }

    public int port() {
        int p = baseUri().getPort();
        return p > 0 ? p : (ssl() ? 443 : 80);
    }

    /** Request URI: the base URL's path prefix (if any) joined with the endpoint path. */
    public String requestUri() { return requestUri(path); }

    /** The base URL's path prefix joined with {@code endpointPath}; the prefix alone (or "/") when it is null. */
    public String requestUri(String endpointPath) {
        String prefix = baseUri().getRawPath();
        if (endpointPath == null) return prefix == null || prefix.isEmpty() ? "/" : prefix;
        return joinPath(prefix, endpointPath);
    }

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
