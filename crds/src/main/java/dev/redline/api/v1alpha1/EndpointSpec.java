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
@ValidationRule(value = "!(has(self.streaming) && self.streaming && has(self.type) && self.type == 'embeddings')",
        message = "embeddings do not stream; remove streaming or use type chat or completions", fieldPath = ".streaming")
public class EndpointSpec {
    public static final String DEFAULT_URL = "localhost:8000";
    public static final double DEFAULT_TIMEOUT_SECONDS = 21600;
    /** http(s) URL or bare host[:port][/path]; EndpointRules says why a URL is wrong, this lets the apiserver reject it first. */
    public static final String URL_PATTERN = "^(?i:https?://)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?([/?#]\\S*)?$";

    @JsonPropertyDescription("Base URL of the server, e.g. http://vllm:8000 (http:// is added when no scheme is given). Default localhost:8000.")
    @Pattern(EndpointSpec.URL_PATTERN)
    private String url;

    @JsonPropertyDescription("API shape: chat, completions or embeddings. Default chat.")
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
    public void setUseServerTokenCount(Boolean useServerTokenCount) { this.useServerTokenCount = useServerTokenCount; }

    // Resolved views with defaults applied; used by the runner, not serialised.
    public String resolvedUrl() { return url == null || url.isBlank() ? DEFAULT_URL : url; }
    public EndpointType resolvedType() { return type == null ? EndpointType.CHAT : type; }
    public String resolvedPath() { return path == null || path.isBlank() ? resolvedType().defaultPath() : path; }
    public boolean isStreaming() { return Boolean.TRUE.equals(streaming); }
    public double resolvedTimeoutSeconds() { return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds; }
    public boolean isUseLegacyMaxTokens() { return Boolean.TRUE.equals(useLegacyMaxTokens); }
    public boolean isUseServerTokenCount() { return Boolean.TRUE.equals(useServerTokenCount); }
    public Map<String, String> resolvedHeaders() { return headers == null ? Map.of() : headers; }
    public Map<String, Object> resolvedExtraInputs() { return extraInputs == null ? new LinkedHashMap<>() : extraInputs; }
}
