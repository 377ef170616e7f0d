package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where and how requests are sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!(has(self.streaming) && self.streaming && has(self.type) && self.type in " + EndpointSpec.NON_STREAMING_TYPES + ")",
        message = "this endpoint type does not stream; remove streaming or use a streaming type such as chat", fieldPath = ".streaming")
@ValidationRule(value = "!(has(self.streaming) && self.streaming && has(self.type) && self.type == 'kserve' "
        + "&& !(has(self.url) && self.url.matches('^(?i)grpcs?://')))",
        message = "kserve streams only over gRPC; give a grpc://host:port url or remove streaming", fieldPath = ".streaming")
@ValidationRule(value = "!has(self.type) || self.type != 'dynamic_grpc' || (has(self.grpcMethod) && has(self.grpcDescriptorSet))",
        message = "dynamic_grpc needs grpcMethod (package.Service/Method) and grpcDescriptorSet (a protoc --descriptor_set_out file)",
        fieldPath = ".grpcMethod")
public class EndpointSpec {
    public static final String DEFAULT_URL = "localhost:8000";
    /** CEL list of the types that never stream (kept in step with EndpointType by EndpointSpecTest). */
    static final String NON_STREAMING_TYPES = "['embeddings', 'chat_embeddings', 'nim_embeddings', 'nvclip', 'rankings', "
            + "'nim_rankings', 'hf_tei_rankings', 'cohere_rankings', 'image_edit', 'video_generation', "
            + "'image_retrieval', 'audio_transcription']";
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

    @JsonPropertyDescription("API shape (AIPerf's --endpoint-type): chat, completions, responses, messages, embeddings, chat_embeddings, "
            + "nim_embeddings, nvclip, rankings, nim_rankings, hf_tei_rankings, cohere_rankings, huggingface_generate, generate, "
            + "kserve, image_generation, image_edit, video_generation, image_retrieval, audio_transcription, vision, multimodal, "
            + "solido_rag, raw, template, dynamic_grpc. Default chat. docs/endpoints.md lists each one's path and body.")
    private EndpointType type;

    @JsonPropertyDescription("Path appended to the URL, overriding the endpoint type's default (e.g. /v1/chat/completions).")
    @Pattern("^(/.*)?$")
    private String path;

    @JsonPropertyDescription("Request streamed responses (SSE). Needed for TTFT, ITL and the other per-token metrics.")
    private Boolean streaming;

    @JsonPropertyDescription("API key sent as 'Authorization: Bearer <key>'. Never logged or exported. In a cluster prefer apiKeySecretRef.")
    private String apiKey;

    @JsonPropertyDescription("Extra HTTP headers sent with every request.")
    private Map<String, String> headers;

    @JsonPropertyDescription("Extra fields merged at the top level of every request body (e.g. temperature, ignore_eos).")
    private Map<String, Object> extraInputs;

    @JsonPropertyDescription("Per-request timeout in seconds (connect, send and receive). Default 21600.")
    @Min(value = 0, inclusive = false)
    @Max(604800)
    private Double timeoutSeconds;

    @JsonPropertyDescription("Send max_tokens instead of max_completion_tokens for chat requests.")
    private Boolean useLegacyMaxTokens;

    @JsonPropertyDescription("Request body encoding: application/json, or multipart/form-data (form fields and file parts). "
            + "Default: the endpoint type's own (multipart for image_edit, video_generation and audio_transcription).")
    @Pattern("^(application/json|multipart/form-data)$")
    private String requestContentType;

    @JsonPropertyDescription("Header that carries the session id of multi-turn requests. Default X-Correlation-ID.")
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

    @JsonPropertyDescription("Take token counts from the server's usage block instead of the client tokenizer (requests stream_options.include_usage when streaming).")
    private Boolean useServerTokenCount;

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
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
    public Boolean getDownloadVideoContent() { return downloadVideoContent; }
    public void setDownloadVideoContent(Boolean downloadVideoContent) { this.downloadVideoContent = downloadVideoContent; }
    public void setUseServerTokenCount(Boolean useServerTokenCount) { this.useServerTokenCount = useServerTokenCount; }

    // Resolved views with defaults applied; used by the runner, not serialised.
    public String resolvedUrl() { return url == null || url.isBlank() ? DEFAULT_URL : url; }
    public EndpointType resolvedType() { return type == null ? EndpointType.CHAT : type; }
    /** The path requests go to; null when the type has none (raw, template: the URL alone). */
    public String resolvedPath() { return path == null || path.isBlank() ? resolvedType().defaultPath(isStreaming()) : path; }
    public String resolvedRequestContentType() {
        if (requestContentType != null && !requestContentType.isBlank()) return requestContentType;
        return resolvedType().requiresFormData() ? MULTIPART : JSON;
    }
    public String resolvedSessionHeader() {
        return sessionHeader == null || sessionHeader.isBlank() ? DEFAULT_SESSION_HEADER : sessionHeader;
    }
    public boolean isSplitThinkTags() { return Boolean.TRUE.equals(splitThinkTags); }
    public boolean isDownloadVideoContent() { return Boolean.TRUE.equals(downloadVideoContent); }
    /** True when requests go over gRPC: a grpc:// or grpcs:// URL. */
    public boolean usesGrpc() {
        String u = resolvedUrl().trim().toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("grpc://") || u.startsWith("grpcs://");
    }
    public boolean isStreaming() { return Boolean.TRUE.equals(streaming); }
    public double resolvedTimeoutSeconds() { return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds; }
    public boolean isUseLegacyMaxTokens() { return Boolean.TRUE.equals(useLegacyMaxTokens); }
    public boolean isUseServerTokenCount() { return Boolean.TRUE.equals(useServerTokenCount); }
    public Map<String, String> resolvedHeaders() { return headers == null ? Map.of() : headers; }
    public Map<String, Object> resolvedExtraInputs() { return extraInputs == null ? new LinkedHashMap<>() : extraInputs; }
}
