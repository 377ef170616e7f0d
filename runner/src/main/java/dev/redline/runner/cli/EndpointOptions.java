package dev.redline.runner.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ControlRequestSpec;
import dev.redline.api.v1alpha1.EndpointSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Model and endpoint flags of {@code redline profile} (AIPerf names). */
public class EndpointOptions implements SpecOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-m", "--model", "--model-names"}, paramLabel = "MODEL", split = ",",
            description = "Model name(s) sent in the request; comma-separated or repeated.")
    List<String> models;

    @Option(names = "--model-selection-strategy", paramLabel = "round_robin|random",
            description = "How a request picks among several models. Default round_robin.")
    String modelSelectionStrategy;

    @Option(names = {"-u", "--url"}, paramLabel = "URL", arity = "1..*", split = ",",
            description = "Server base URL; several (repeated or after one --url) spread requests round-robin. Default localhost:8000.")
    List<String> urls;

    @Option(names = "--url-strategy", paramLabel = "round_robin",
            description = "How requests pick among several URLs: round_robin (the only strategy, default).")
    String urlStrategy;

    @Option(names = "--endpoint-type", paramLabel = "TYPE",
            description = "API shape: chat (default), completions, responses, messages, embeddings, chat_embeddings, nim_embeddings, "
                    + "nvclip, rankings, nim_rankings, hf_tei_rankings, cohere_rankings, huggingface_generate, generate, kserve, "
                    + "image_generation, image_edit, video_generation, image_retrieval, audio_transcription, vision, multimodal, "
                    + "solido_rag, raw, template, dynamic_grpc (docs/endpoints.md).")
    String endpointType;

    @Option(names = {"--endpoint", "--custom-endpoint"}, paramLabel = "PATH",
            description = "Custom path, overriding the endpoint type's default; '' sends to the URL as given.")
    String endpointPath;

    @Option(names = "--streaming", description = "Stream responses (SSE); enables TTFT, ITL and the other per-token metrics.")
    Boolean streaming;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Sent as 'Authorization: Bearer KEY'. Never logged or exported.")
    String apiKey;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", arity = "1..*",
            description = "Extra HTTP header as Name:value or a JSON object; repeatable, several may follow one flag.")
    List<String> headers;

    @Option(names = "--extra-inputs", paramLabel = "key:value|JSON", arity = "1..*",
            description = "Extra body fields merged at the top level: key:value (value parsed as JSON when it parses) or a JSON object; repeatable, several may follow one flag.")
    List<String> extraInputs;

    @Option(names = "--request-timeout-seconds", paramLabel = "S", description = "Per-request timeout. Default 21600.")
    Double timeoutSeconds;

    @Option(names = "--use-legacy-max-tokens", description = "Send max_tokens instead of max_completion_tokens (chat).")
    Boolean useLegacyMaxTokens;

    @Option(names = "--request-content-type", paramLabel = "application/json|multipart/form-data",
            description = "Request body encoding. Default: the endpoint type's own (multipart for image_edit, video_generation, audio_transcription).")
    String requestContentType;

    @Option(names = "--session-header", paramLabel = "NAME",
            description = "Header that carries the session id of each request, e.g. X-Session-ID. Default X-Correlation-ID.")
    String sessionHeader;

    @Option(names = "--split-think-tags",
            description = "Count a leading <think>...</think> in the content as reasoning (servers without reasoning_content).")
    Boolean splitThinkTags;

    @Option(names = "--grpc-method", paramLabel = "package.Service/Method", description = "dynamic_grpc: the method to call.")
    String grpcMethod;

    @Option(names = "--grpc-descriptor-set", paramLabel = "FILE",
            description = "dynamic_grpc: a FileDescriptorSet (protoc --include_imports --descriptor_set_out) defining --grpc-method.")
    String grpcDescriptorSet;

    @Option(names = "--uuid-and-strip",
            description = "chat: strip the content of an image whose cache uuid an earlier turn of the session sent (vLLM multimodal cache); single_turn sessions only.")
    Boolean uuidAndStrip;

    @Option(names = "--download-video-content",
            description = "video_generation: also download the finished video; the download counts in the request latency.")
    Boolean downloadVideoContent;

    @Option(names = "--use-server-token-count", description = "Use the server's usage counts instead of the client tokenizer.")
    Boolean useServerTokenCount;

    @Option(names = "--per-chunk-usage",
            description = "Ask for usage on every streamed chunk (stream_options.continuous_usage_stats); needs --use-server-token-count.")
    Boolean perChunkUsage;

    @Option(names = "--wait-for-model-timeout", paramLabel = "SECONDS",
            description = "Wait up to this long for the model to answer before starting (0 = only check the server is reachable, default).")
    Double waitForModelTimeout;

    @Option(names = "--wait-for-model-mode", paramLabel = "models|inference|both",
            description = "What the wait checks: GET /v1/models, a one-token request (inference, default), or both.")
    String waitForModelMode;

    @Option(names = "--wait-for-model-interval", paramLabel = "SECONDS", description = "Seconds between readiness attempts. Default 5.")
    Double waitForModelInterval;

    @Option(names = "--reset-kv-cache", description = "POST a KV-cache reset to the server once before the profiling phases.")
    Boolean resetKvCache;

    @Option(names = "--reset-kv-cache-timeout-seconds", paramLabel = "S", description = "Timeout of the KV-cache reset POST. Default 30.")
    Double resetKvCacheTimeout;

    @Option(names = "--reset-kv-cache-path", paramLabel = "PATH", description = "Path of the KV-cache reset POST. Default /reset_prefix_cache.")
    String resetKvCachePath;

    @Option(names = "--server-profiler", description = "POST profiler start before the profiling phases and stop after them.")
    Boolean serverProfiler;

    @Option(names = "--server-profiler-timeout-seconds", paramLabel = "S", description = "Timeout of the profiler POSTs. Default 30.")
    Double serverProfilerTimeout;

    @Option(names = "--server-profiler-start-path", paramLabel = "PATH", description = "Path of the profiler start POST. Default /start_profile.")
    String serverProfilerStartPath;

    @Option(names = "--server-profiler-stop-path", paramLabel = "PATH", description = "Path of the profiler stop POST. Default /stop_profile.")
    String serverProfilerStopPath;

    @Option(names = {"--transport", "--transport-type"}, paramLabel = "http",
            description = "Transport protocol: http (the only one; https URLs use TLS).")
    String transport;

    @Option(names = "--connection-reuse-strategy", paramLabel = "pooled|never|sticky-user-sessions",
            description = "pooled: keep-alive connections (default); never: a new connection per request, closed after the response;"
                    + " sticky-user-sessions: each session keeps one connection for all its turns.")
    String connectionReuse;

    @Option(names = "--goodput", paramLabel = "'tag:value ...'",
            description = "Goodput SLOs in display units, e.g. \"time_to_first_token:200 inter_token_latency:20\".")
    String goodput;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        if (models != null) {
            spec.setModels(models.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()));
        }
        if (modelSelectionStrategy != null) spec.setModelSelectionStrategy(modelSelectionStrategy.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        if (goodput != null) spec.setGoodput(parseGoodput(goodput));
        EndpointSpec ep = spec.endpoint();
        if (urls != null) {
            List<String> given = urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
            if (given.isEmpty()) throw new BadInputException("-u/--url: empty URL; write e.g. --url http://localhost:8000");
            ep.setUrl(given.get(0));
            ep.setUrls(given.size() > 1 ? new ArrayList<>(given.subList(1, given.size())) : null);
        }
        if (urlStrategy != null) ep.setUrlStrategy(urlStrategy.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
        if (endpointType != null) {
            EndpointType type = EndpointType.fromName(endpointType.trim());
            if (type == null) throw new BadInputException("--endpoint-type: " + EndpointType.unknownReason(endpointType.trim()));
            ep.setType(type);
        }
        if (endpointPath != null) ep.setPath(endpointPath);
        if (streaming != null) ep.setStreaming(streaming);
        if (apiKey != null) ep.setApiKey(apiKey);
        if (headers != null) {
            Map<String, String> merged = new LinkedHashMap<>(ep.resolvedHeaders());
            for (String h : headers) merged.putAll(parseHeader(h));
            ep.setHeaders(merged);
        }
        if (extraInputs != null) {
            Map<String, Object> merged = new LinkedHashMap<>(ep.resolvedExtraInputs());
            for (String e : extraInputs) merged.putAll(parseExtraInput(e));
            ep.setExtraInputs(merged);
        }
        if (timeoutSeconds != null) ep.setTimeoutSeconds(timeoutSeconds);
        if (useLegacyMaxTokens != null) ep.setUseLegacyMaxTokens(useLegacyMaxTokens);
        if (useServerTokenCount != null) ep.setUseServerTokenCount(useServerTokenCount);
        if (perChunkUsage != null) ep.setPerChunkUsage(perChunkUsage);
        if (sessionHeader != null) ep.setSessionHeader(sessionHeader.trim());
        if (requestContentType != null) ep.setRequestContentType(requestContentType.trim());
        if (splitThinkTags != null) ep.setSplitThinkTags(splitThinkTags);
        if (grpcMethod != null) ep.setGrpcMethod(grpcMethod.trim());
        if (grpcDescriptorSet != null) ep.setGrpcDescriptorSet(grpcDescriptorSet);
        if (downloadVideoContent != null) ep.setDownloadVideoContent(downloadVideoContent);
        if (uuidAndStrip != null) ep.setUuidAndStrip(uuidAndStrip);
        if (waitForModelTimeout != null) ep.setWaitForModelTimeout(waitForModelTimeout);
        if (waitForModelMode != null) ep.setWaitForModelMode(waitForModelMode.trim().toLowerCase(java.util.Locale.ROOT));
        if (waitForModelInterval != null) ep.setWaitForModelInterval(waitForModelInterval);
        if (resetKvCache != null || resetKvCacheTimeout != null || resetKvCachePath != null) {
            ControlRequestSpec c = ep.getResetKvCache() == null ? new ControlRequestSpec() : ep.getResetKvCache();
            if (resetKvCache != null) c.setEnabled(resetKvCache);
            if (resetKvCacheTimeout != null) c.setTimeoutSeconds(resetKvCacheTimeout);
            if (resetKvCachePath != null) c.setPath(resetKvCachePath);
            ep.setResetKvCache(c);
        }
        if (serverProfiler != null || serverProfilerTimeout != null || serverProfilerStartPath != null || serverProfilerStopPath != null) {
            ControlRequestSpec c = ep.getServerProfiler() == null ? new ControlRequestSpec() : ep.getServerProfiler();
            if (serverProfiler != null) c.setEnabled(serverProfiler);
            if (serverProfilerTimeout != null) c.setTimeoutSeconds(serverProfilerTimeout);
            if (serverProfilerStartPath != null) c.setStartPath(serverProfilerStartPath);
            if (serverProfilerStopPath != null) c.setStopPath(serverProfilerStopPath);
            ep.setServerProfiler(c);
        }
        if (transport != null) ep.setTransport(transport.trim().toLowerCase(java.util.Locale.ROOT));
        if (connectionReuse != null) ep.setConnectionReuse(connectionReuse.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code Name: value}, {@code Name:value} or a JSON object of names to values (AIPerf's forms). */
    static Map<String, String> parseHeader(String h) {
        String v = h.trim();
        Map<String, String> out = new LinkedHashMap<>();
        if (v.startsWith("{")) {
            try {
                Map<String, Object> m = JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() { });
                m.forEach((k, x) -> out.put(k, String.valueOf(x)));
                return out;
            } catch (Exception e) {
                throw new BadInputException("-H/--header: '" + h + "' is not a valid JSON object; write e.g. '{\"X-Tenant\": \"a\"}'");
            }
        }
        int colon = v.indexOf(':');
        if (colon <= 0) throw new BadInputException("-H/--header: '" + h + "' is not 'Name: value'; write e.g. -H 'X-Tenant: a'");
        out.put(v.substring(0, colon).trim(), v.substring(colon + 1).trim());
        return out;
    }

    static Map<String, Object> parseExtraInput(String value) {
        String v = value.trim();
        if (v.startsWith("{")) {
            try {
                return JSON.readValue(v, new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (Exception e) {
                throw new BadInputException("--extra-inputs: '" + value + "' is not a valid JSON object; write e.g. '{\"temperature\": 0.7}'");
            }
        }
        int colon = v.indexOf(':');
        if (colon <= 0) {
            throw new BadInputException("--extra-inputs: '" + value + "' is not key:value or a JSON object; write e.g. ignore_eos:true");
        }
        String raw = v.substring(colon + 1).trim();
        Object parsed;
        try {
            parsed = JSON.readValue(raw, Object.class);
        } catch (Exception notJson) {
            parsed = raw; // a bare word is a string
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(v.substring(0, colon).trim(), parsed);
        return out;
    }

    static Map<String, Double> parseGoodput(String value) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : value.trim().split("\\s+")) {
            if (part.isEmpty()) continue;
            int colon = part.lastIndexOf(':');
            try {
                if (colon <= 0) throw new NumberFormatException();
                out.put(part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new BadInputException("--goodput: '" + part + "' is not tag:value; write e.g. \"time_to_first_token:200 inter_token_latency:20\"");
            }
        }
        return out;
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("models", "-m/--model");
        m.put("models[*]", "-m/--model");
        m.put("modelSelectionStrategy", "--model-selection-strategy");
        m.put("endpoint.url", "-u/--url");
        m.put("endpoint.urls", "-u/--url");
        m.put("endpoint.urls[*]", "-u/--url");
        m.put("endpoint.urlStrategy", "--url-strategy");
        m.put("endpoint.perChunkUsage", "--per-chunk-usage");
        m.put("endpoint.sessionHeader", "--session-header");
        m.put("endpoint.waitForModelTimeout", "--wait-for-model-timeout");
        m.put("endpoint.waitForModelMode", "--wait-for-model-mode");
        m.put("endpoint.waitForModelInterval", "--wait-for-model-interval");
        m.put("endpoint.resetKvCache.timeoutSeconds", "--reset-kv-cache-timeout-seconds");
        m.put("endpoint.resetKvCache.path", "--reset-kv-cache-path");
        m.put("endpoint.serverProfiler.timeoutSeconds", "--server-profiler-timeout-seconds");
        m.put("endpoint.serverProfiler.startPath", "--server-profiler-start-path");
        m.put("endpoint.serverProfiler.stopPath", "--server-profiler-stop-path");
        m.put("endpoint.transport", "--transport");
        m.put("endpoint.connectionReuse", "--connection-reuse-strategy");
        m.put("endpoint.type", "--endpoint-type");
        m.put("endpoint.path", "--endpoint");
        m.put("endpoint.streaming", "--streaming");
        m.put("endpoint.timeoutSeconds", "--request-timeout-seconds");
        m.put("endpoint.requestContentType", "--request-content-type");
        m.put("endpoint.grpcMethod", "--grpc-method");
        m.put("endpoint.grpcDescriptorSet", "--grpc-descriptor-set");
        m.put("endpoint.downloadVideoContent", "--download-video-content");
        m.put("endpoint.uuidAndStrip", "--uuid-and-strip");
        m.put("goodput", "--goodput");
        m.put("goodput.*", "--goodput");
        return m;
    }
}
