package dev.redline.runner.client;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param path               null when the type has none (raw, template): requests go to the base URL itself;
 *                           empty (AIPerf's --custom-endpoint '') sends to the base URL as given
 * @param settings           the endpoint options beyond the common ones (content type, session header, URLs, ...)
 */
public record ClientConfig(String baseUrl, String path, EndpointType endpointType, boolean streaming,
                           Map<String, String> headers, String apiKey, double timeoutSeconds, int maxInFlight,
                           boolean includeUsage, boolean useLegacyMaxTokens, Map<String, Object> extraInputs,
                           Settings settings) {

    /**
     * What some endpoint types and transports need beyond the common settings.
     *
     * @param requestContentType   application/json or multipart/form-data
     * @param sessionHeader        the header carrying the session id (AIPerf's --session-header), X-Correlation-ID by default
     * @param splitThinkTags       a leading {@code <think>...</think>} in the content is reasoning
     * @param downloadVideoContent video_generation: the download of the result counts in the latency
     * @param grpcMethod           dynamic_grpc: {@code package.Service/Method}
     * @param grpcDescriptorSet    dynamic_grpc: the FileDescriptorSet file
     * @param moreUrls             further server URLs (replicas); requests go round-robin over baseUrl and these
     * @param closeConnections     a new connection per request (--connection-reuse-strategy never)
     * @param stickySessions       each session keeps one connection for all its turns (--connection-reuse-strategy
     *                             sticky-user-sessions); its turns go to one event loop and one URL
     * @param perChunkUsage        ask for usage on every streamed chunk (stream_options.continuous_usage_stats)
     */
    public record Settings(String requestContentType, String sessionHeader, boolean splitThinkTags,
                           boolean downloadVideoContent, String grpcMethod, String grpcDescriptorSet,
                           List<String> moreUrls, boolean closeConnections, boolean stickySessions, boolean perChunkUsage) {
        public static final Settings DEFAULT = new Settings(null, null, false, false, null, null);

        public Settings {
            sessionHeader = sessionHeader == null || sessionHeader.isBlank() ? EndpointSpec.DEFAULT_SESSION_HEADER : sessionHeader.trim();
            moreUrls = moreUrls == null ? List.of() : moreUrls.stream().map(u -> withScheme(u.trim())).toList();
        }

        /** The endpoint-type settings alone: one URL, pooled connections. */
        public Settings(String requestContentType, String sessionHeader, boolean splitThinkTags,
                        boolean downloadVideoContent, String grpcMethod, String grpcDescriptorSet) {
            this(requestContentType, sessionHeader, splitThinkTags, downloadVideoContent, grpcMethod, grpcDescriptorSet,
                    List.of(), false, false, false);
        }

        public static Settings of(EndpointSpec ep) {
            List<String> urls = ep.resolvedUrls();
            return new Settings(ep.getRequestContentType(), ep.resolvedSessionHeader(), ep.isSplitThinkTags(),
                    ep.isDownloadVideoContent(), ep.getGrpcMethod(), ep.getGrpcDescriptorSet(),
                    urls.subList(1, urls.size()), ep.neverReuseConnections(), ep.stickyConnections(), ep.perChunkUsageRequested());
        }

        public Settings withRequestContentType(String contentType) {
            return new Settings(contentType, sessionHeader, splitThinkTags, downloadVideoContent, grpcMethod, grpcDescriptorSet,
                    moreUrls, closeConnections, stickySessions, perChunkUsage);
        }

        Settings withoutMoreUrls() {
            return new Settings(requestContentType, sessionHeader, splitThinkTags, downloadVideoContent, grpcMethod, grpcDescriptorSet,
                    List.of(), closeConnections, stickySessions, perChunkUsage);
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
        path = path == null ? endpointType.defaultPath(streaming) : path.trim();
        settings = settings == null ? Settings.DEFAULT : settings;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        extraInputs = extraInputs == null ? Map.of() : new LinkedHashMap<>(extraInputs);
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        if (!(timeoutSeconds > 0)) throw new IllegalArgumentException("timeoutSeconds must be > 0, got " + timeoutSeconds);
    }

    /** Builds the client settings from the spec's endpoint; {@code maxInFlight} sizes the connection pool. */
    public static ClientConfig from(BenchmarkSpec spec, int maxInFlight) {
        EndpointSpec ep = spec.endpoint();
        List<String> urls = ep.resolvedUrls();
        return new ClientConfig(urls.get(0), ep.resolvedPath(), ep.resolvedType(), ep.isStreaming(),
                ep.resolvedHeaders(), ep.getApiKey(), ep.resolvedTimeoutSeconds(), maxInFlight,
                ep.isStreaming(), ep.isUseLegacyMaxTokens(), ep.resolvedExtraInputs(), Settings.of(ep));
    }

    /** A copy with another pool size. */
    public ClientConfig withMaxInFlight(int n) {
        return new ClientConfig(baseUrl, path, endpointType, streaming, headers, apiKey, timeoutSeconds, n,
                includeUsage, useLegacyMaxTokens, extraInputs, settings);
    }

    public String sessionHeader() { return settings.sessionHeader(); }
    public List<String> moreUrls() { return settings.moreUrls(); }
    public boolean closeConnections() { return settings.closeConnections(); }
    public boolean stickySessions() { return settings.stickySessions(); }
    public boolean perChunkUsage() { return settings.perChunkUsage(); }

    /** Every server URL in round-robin order: baseUrl first. */
    public List<String> urls() {
        List<String> all = new ArrayList<>(1 + moreUrls().size());
        all.add(baseUrl);
        all.addAll(moreUrls());
        return all;
    }

    /** The settings for the {@code i}-th URL of {@link #urls()} alone (for probes and per-URL clients). */
    public ClientConfig forUrl(int i) {
        return new ClientConfig(urls().get(i), path, endpointType, streaming, headers, apiKey, timeoutSeconds, maxInFlight,
                includeUsage, useLegacyMaxTokens, extraInputs, settings.withoutMoreUrls());
    }

    /**
     * {@code stream_options} of a streaming request: usage in the last chunk ({@code include_usage}) and, with
     * --per-chunk-usage, on every chunk ({@code continuous_usage_stats}); null when not streaming.
     */
    public Map<String, Object> streamOptions() {
        if (!streaming || !includeUsage && !perChunkUsage()) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("include_usage", true);
        if (perChunkUsage()) m.put("continuous_usage_stats", true);
        return m;
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

    /** Request URI: the base URL's path prefix (if any) joined with the endpoint path, then the URL's query. */
    public String requestUri() { return requestUri(path); }

    /** The base URL's path prefix joined with {@code endpointPath} (the prefix alone, or "/", when it is null), then the URL's query. */
    public String requestUri(String endpointPath) {
        String q = baseUri().getRawQuery();
        return joinPath(baseUri().getRawPath(), endpointPath) + (q == null ? "" : "?" + q);
    }

    /** The URL's path with the endpoint path taken off its end, i.e. where the server's other APIs (/v1/models) live. */
    public String serverPath() {
        String p = baseUri().getRawPath() == null ? "" : baseUri().getRawPath();
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        String sub = path == null ? "" : path;
        while (sub.startsWith("/")) sub = sub.substring(1);
        if (!sub.isEmpty() && p.endsWith("/" + sub)) p = p.substring(0, p.length() - sub.length() - 1);
        if (p.endsWith("/v1")) p = p.substring(0, p.length() - 3);
        return p;
    }

    /** Full URL of the endpoint, for messages. */
    public String endpointUrl() {
        return baseUri().getScheme() + "://" + baseUri().getRawAuthority() + requestUri();
    }

    static String withScheme(String url) {
        return url.contains("://") ? url : "http://" + url;
    }

    /**
     * Joins the URL's own path and the endpoint path as AIPerf does: an empty endpoint path leaves the URL's path; a
     * URL that already ends with the endpoint path (the full endpoint URL was given) is not extended; a URL ending in
     * /v1 drops the endpoint path's leading v1/.
     */
    static String joinPath(String prefix, String path) {
        String p = prefix == null ? "" : prefix;
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        String sub = path == null ? "" : path.trim();
        while (sub.startsWith("/")) sub = sub.substring(1);
        if (sub.isEmpty()) return p.isEmpty() ? "/" : p;
        if (p.endsWith("/" + sub)) return p;
        if (p.endsWith("/v1") && sub.startsWith("v1/")) sub = sub.substring(3);
        return p + "/" + sub;
    }
}
