package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where and how requests are sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// streaming with a type that cannot stream is turned off (as AIPerf), not rejected: see isStreaming()
@ValidationRule(value = "!has(self.type) || self.type != 'dynamic_grpc' || (has(self.grpcMethod) && has(self.grpcDescriptorSet))",
        message = "dynamic_grpc needs grpcMethod (package.Service/Method) and grpcDescriptorSet (a protoc --descriptor_set_out file)",
        fieldPath = ".grpcMethod")
public class EndpointSpec {
    public static final String DEFAULT_URL = "localhost:8000";
    public static final String DEFAULT_SESSION_HEADER = "X-Correlation-ID";
    public static final String JSON = "application/json";
    public static final String MULTIPART = "multipart/form-data";
    public static final double DEFAULT_TIMEOUT_SECONDS = 21600;
    /** http(s) URL or bare host[:port][/path]; EndpointRules says why a URL is wrong, this lets the apiserver reject it first. */
    public static final String URL_PATTERN = "^(?i:(https?|grpcs?)://)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?([/?#]\\S*)?$";

    @JsonPropertyDescription("Base URL of the server, e.g. http://vllm:8000 (http:// is added when no scheme is given; grpc://host:port "
            + "sends kserve and dynamic_grpc requests over gRPC). Default localhost:8000.")
    @Pattern(EndpointSpec.URL_PATTERN)
    private String url;

    @JsonPropertyDescription("Several server URLs (replicas): requests are spread over url and these per urlStrategy, with errors counted per URL (--url given more than once).")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    private List<String> urls;

    @JsonPropertyDescription("How requests pick among several URLs: round_robin (the only strategy, default).")
    private String urlStrategy;

    @JsonPropertyDescription("API shape (AIPerf's --endpoint-type): chat, completions, responses, messages, embeddings, chat_embeddings, "
            + "nim_embeddings, nvclip, rankings, nim_rankings, hf_tei_rankings, cohere_rankings, huggingface_generate, generate, "
            + "kserve, image_generation, image_edit, video_generation, image_retrieval, audio_transcription, vision, multimodal, "
            + "solido_rag, raw, template, dynamic_grpc. Default chat. docs/endpoints.md lists each one's path and body.")
    private EndpointType type;

    @JsonPropertyDescription("Path appended to the URL, overriding the endpoint type's default (e.g. /v1/chat/completions).")
    private String path;

    @JsonPropertyDescription("Request streamed responses (SSE). Needed for TTFT, ITL and the other per-token metrics.")
    private Boolean streaming;

    @JsonPropertyDescription("API key sent as 'Authorization: Bearer <key>'. Never logged or exported. In a cluster prefer apiKeySecretRef.")
    private String apiKey;

    @JsonPropertyDescription("Extra HTTP headers sent with every request.")
    private Map<String, String> headers;

    @JsonPropertyDescription("Extra fields merged at the top level of every request body (e.g. temperature, ignore_eos).")
    @JsonAlias("extra")
    private Map<String, Object> extraInputs;

    @JsonPropertyDescription("Per-request timeout in seconds (connect, send and receive). Default 21600.")
    @JsonAlias("timeout")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(604800)
    private Double timeoutSeconds;

    @JsonPropertyDescription("Seconds to wait for the model to answer before the run starts; 0 (default) only checks the server is reachable (--wait-for-model-timeout).")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(0)
    @Max(86400)
    private Double waitForModelTimeout;

    @JsonPropertyDescription("Seconds between readiness attempts while waiting for the model. Default 5 (--wait-for-model-interval).")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(3600)
    private Double waitForModelInterval;

    @JsonPropertyDescription("How readiness is checked: models (GET /v1/models answers 200), inference (a one-token request succeeds, default) or both (--wait-for-model-mode).")
    private String waitForModelMode;

    @JsonPropertyDescription("POST a KV-cache reset to the server once before the profiling phases (--reset-kv-cache).")
    private ControlRequestSpec resetKvCache;

    @JsonPropertyDescription("POST profiler start before the profiling phases and stop after them (--server-profiler).")
    private ControlRequestSpec serverProfiler;

    @JsonPropertyDescription("Transport protocol: http (the only one; https URLs use TLS over it) (--transport).")
    private String transport;

    @JsonPropertyDescription("Connection reuse: pooled (keep-alive pool, default), never (a new connection per request, closed after the response) or sticky-user-sessions (each session keeps one connection for all its turns) (--connection-reuse-strategy).")
    private String connectionReuse;

    @JsonPropertyDescription("Ask for usage on every streamed chunk (stream_options.continuous_usage_stats); needs useServerTokenCount (--per-chunk-usage).")
    private Boolean perChunkUsage;

    @JsonPropertyDescription("Send max_tokens instead of max_completion_tokens for chat requests.")
    private Boolean useLegacyMaxTokens;

    @JsonPropertyDescription("Request body encoding: application/json, or multipart/form-data (form fields and file parts). "
            + "Default: the endpoint type's own (multipart for image_edit, video_generation and audio_transcription).")
    @Pattern("^(application/json|multipart/form-data)$")
    private String requestContentType;

    @JsonPropertyDescription("Header that carries the session id of multi-turn requests, e.g. X-Session-ID (--session-header). Default X-Correlation-ID.")
    @Pattern("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
    private String sessionHeader;

    @JsonPropertyDescription("Split <think>...</think> at the start of the content into reasoning text (servers that do not "
            + "return reasoning_content). Default false.")
    private Boolean splitThinkTags;

    @JsonPropertyDescription("dynamic_grpc: the method to call, package.Service/Method (GenAI-Perf's --grpc-method).")
    @Pattern("^[A-Za-z_][A-Za-z0-9_.]*/[A-Za-z_][A-Za-z0-9_]*$")
    private String grpcMethod;

    @JsonPropertyDescription("dynamic_grpc: path of a FileDescriptorSet (protoc --include_imports --descriptor_set_out) that defines grpcMethod.")
    private String grpcDescriptorSet;

    @JsonPropertyDescription("video_generation: also download the finished video (GET /v1/videos/{id}/content), counted in the request latency.")
    private Boolean downloadVideoContent;

    @JsonPropertyDescription("chat: strip the content of an image whose cache uuid an earlier turn of the session already sent "
            + "(vLLM's multimodal processor cache; AIPerf's --uuid-and-strip). single_turn datasets with session_id-grouped rows only.")
    private Boolean uuidAndStrip;

    @JsonPropertyDescription("Take token counts from the server's usage block instead of the client tokenizer (requests stream_options.include_usage when streaming).")
    private Boolean useServerTokenCount;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getUrls() { return urls; }
    public void setUrls(List<String> urls) { this.urls = urls; }
    public String getUrlStrategy() { return urlStrategy; }
    public void setUrlStrategy(String urlStrategy) { this.urlStrategy = urlStrategy; }
    public Double getWaitForModelTimeout() { return waitForModelTimeout; }
    public void setWaitForModelTimeout(Double waitForModelTimeout) { this.waitForModelTimeout = waitForModelTimeout; }
    public Double getWaitForModelInterval() { return waitForModelInterval; }
    public void setWaitForModelInterval(Double waitForModelInterval) { this.waitForModelInterval = waitForModelInterval; }
    public String getWaitForModelMode() { return waitForModelMode; }
    public void setWaitForModelMode(String waitForModelMode) { this.waitForModelMode = waitForModelMode; }
    public ControlRequestSpec getResetKvCache() { return resetKvCache; }
    public void setResetKvCache(ControlRequestSpec resetKvCache) { this.resetKvCache = resetKvCache; }
    public ControlRequestSpec getServerProfiler() { return serverProfiler; }
    public void setServerProfiler(ControlRequestSpec serverProfiler) { this.serverProfiler = serverProfiler; }
    public String getTransport() { return transport; }
    public void setTransport(String transport) { this.transport = transport; }
    public String getConnectionReuse() { return connectionReuse; }
    public void setConnectionReuse(String connectionReuse) { this.connectionReuse = connectionReuse; }
    public Boolean getPerChunkUsage() { return perChunkUsage; }
    public void setPerChunkUsage(Boolean perChunkUsage) { this.perChunkUsage = perChunkUsage; }
    public EndpointType getType() { return type; }
    public void setType(EndpointType type) { this.type = type; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Boolean getStreaming() { return streaming; }
    public void setStreaming(Boolean streaming) { this.streaming = streaming; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public Map<String, String> getHeaders() { return headers; }
    public void setHeaders(Map<String, String> headers) { this.headers = headers; }
    public Map<String, Object> getExtraInputs() { return extraInputs; }
    public void setExtraInputs(Map<String, Object> extraInputs) { this.extraInputs = extraInputs; }
    public Double getTimeoutSeconds() { return timeoutSeconds; }
    public void setTimeoutSeconds(Double timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
    public Boolean getUseLegacyMaxTokens() { return useLegacyMaxTokens; }
    public void setUseLegacyMaxTokens(Boolean useLegacyMaxTokens) { this.useLegacyMaxTokens = useLegacyMaxTokens; }
    public Boolean getUseServerTokenCount() { return useServerTokenCount; }
    public String getRequestContentType() { return requestContentType; }
    public void setRequestContentType(String requestContentType) { this.requestContentType = requestContentType; }
    public String getSessionHeader() { return sessionHeader; }
    public void setSessionHeader(String sessionHeader) { this.sessionHeader = sessionHeader; }
    public Boolean getSplitThinkTags() { return splitThinkTags; }
    public void setSplitThinkTags(Boolean splitThinkTags) { this.splitThinkTags = splitThinkTags; }
    public String getGrpcMethod() { return grpcMethod; }
    public void setGrpcMethod(String grpcMethod) { this.grpcMethod = grpcMethod; }
    public String getGrpcDescriptorSet() { return grpcDescriptorSet; }
    public void setGrpcDescriptorSet(String grpcDescriptorSet) { this.grpcDescriptorSet = grpcDescriptorSet; }
    public Boolean getUuidAndStrip() { return uuidAndStrip; }
    public void setUuidAndStrip(Boolean uuidAndStrip) { this.uuidAndStrip = uuidAndStrip; }
    public boolean isUuidAndStrip() { return Boolean.TRUE.equals(uuidAndStrip); }
    public Boolean getDownloadVideoContent() { return downloadVideoContent; }
    public void setDownloadVideoContent(Boolean downloadVideoContent) { this.downloadVideoContent = downloadVideoContent; }
    public void setUseServerTokenCount(Boolean useServerTokenCount) { this.useServerTokenCount = useServerTokenCount; }

    // Resolved views with defaults applied; used by the runner, not serialised.
    public String resolvedUrl() { return url == null || url.isBlank() ? DEFAULT_URL : url; }
    /** Every URL requests go to: url first (when set), then urls, without duplicates; the default URL when none is set. */
    public List<String> resolvedUrls() {
        List<String> all = new ArrayList<>();
        if (url != null && !url.isBlank()) all.add(url.trim());
        if (urls != null) for (String u : urls) if (u != null && !u.isBlank() && !all.contains(u.trim())) all.add(u.trim());
        if (all.isEmpty()) all.add(DEFAULT_URL);
        return all;
    }
    public boolean perChunkUsageRequested() { return Boolean.TRUE.equals(perChunkUsage); }
    public boolean neverReuseConnections() { return "never".equalsIgnoreCase(connectionReuse); }

    /** Whether each session keeps one connection for all its turns (AIPerf's sticky-user-sessions). */
    public boolean stickyConnections() {
        return connectionReuse != null && connectionReuse.replace('_', '-').equalsIgnoreCase("sticky-user-sessions");
    }
    public EndpointType resolvedType() { return type == null ? EndpointType.CHAT : type; }
    /**
     * The custom path, or the type's default (null when the type has none: raw, template send to the URL alone); an
     * empty path (AIPerf's --custom-endpoint '') sends to the URL as given.
     */
    public String resolvedPath() { return path == null ? resolvedType().defaultPath(isStreaming()) : path.trim(); }
    public String resolvedRequestContentType() {
        if (requestContentType != null && !requestContentType.isBlank()) return requestContentType;
        return resolvedType().requiresFormData() ? MULTIPART : JSON;
    }
    public String resolvedSessionHeader() {
        return sessionHeader == null || sessionHeader.isBlank() ? DEFAULT_SESSION_HEADER : sessionHeader.trim();
    }
    public boolean isSplitThinkTags() { return Boolean.TRUE.equals(splitThinkTags); }
    public boolean isDownloadVideoContent() { return Boolean.TRUE.equals(downloadVideoContent); }
    /** True when requests go over gRPC: a grpc:// or grpcs:// URL. */
    public boolean usesGrpc() {
        String u = resolvedUrl().trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("grpc://") || u.startsWith("grpcs://");
    }
    /** Whether streaming was asked for, whether or not the type can stream. */
    public boolean streamingRequested() { return Boolean.TRUE.equals(streaming); }
    /** Streaming asked for and possible: like AIPerf, streaming is turned off for an endpoint type that cannot stream (here). */
    public boolean isStreaming() { return streamingRequested() && resolvedType().supportsStreaming(usesGrpc()); }
    public double resolvedTimeoutSeconds() { return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds; }
    public boolean isUseLegacyMaxTokens() { return Boolean.TRUE.equals(useLegacyMaxTokens); }
    public boolean isUseServerTokenCount() { return Boolean.TRUE.equals(useServerTokenCount); }
    public Map<String, String> resolvedHeaders() { return headers == null ? Map.of() : headers; }
    public Map<String, Object> resolvedExtraInputs() { return extraInputs == null ? new LinkedHashMap<>() : extraInputs; }
}
