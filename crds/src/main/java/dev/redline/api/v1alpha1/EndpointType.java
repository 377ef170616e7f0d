package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API shape the benchmark speaks (AIPerf's and GenAI-Perf's {@code --endpoint-type}): the facts of each
 * type that the config, the validation and the metrics need. How a type's request is built and its response
 * read lives in the runner's endpoint registry, keyed by this enum.
 *
 * <p>{@code {model}} in a path is replaced by the request's model name (Triton, KServe).
 */
public enum EndpointType {
    @JsonProperty("chat") CHAT("chat", "/v1/chat/completions", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.AUDIO, Input.VIDEO, Input.SYSTEM, Input.STREAMING),
    @JsonProperty("completions") COMPLETIONS("completions", "/v1/completions", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.STREAMING),
    @JsonProperty("responses") RESPONSES("responses", "/v1/responses", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.AUDIO, Input.SYSTEM, Input.STREAMING),
    @JsonProperty("messages") MESSAGES("messages", "/v1/messages", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.SYSTEM, Input.STREAMING),
    @JsonProperty("embeddings") EMBEDDINGS("embeddings", "/v1/embeddings", null, Output.EMBEDDINGS,
            "Embeddings Metrics", Input.TEXT),
    @JsonProperty("chat_embeddings") CHAT_EMBEDDINGS("chat_embeddings", "/v1/embeddings", null, Output.EMBEDDINGS,
            "Embeddings Metrics", Input.TEXT, Input.IMAGE, Input.SYSTEM),
    @JsonProperty("nim_embeddings") NIM_EMBEDDINGS("nim_embeddings", "/v1/embeddings", null, Output.EMBEDDINGS,
            "NIM Embeddings Metrics", Input.TEXT, Input.IMAGE),
    @JsonProperty("nvclip") NVCLIP("nvclip", "/v1/embeddings", null, Output.EMBEDDINGS,
            "Embeddings Metrics", Input.TEXT, Input.IMAGE),
    @JsonProperty("rankings") RANKINGS("rankings", "/v1/ranking", null, Output.RANKINGS,
            "Rankings Metrics", Input.TEXT),
    @JsonProperty("nim_rankings") NIM_RANKINGS("nim_rankings", "/v1/ranking", null, Output.RANKINGS,
            "Rankings Metrics", Input.TEXT),
    @JsonProperty("hf_tei_rankings") HF_TEI_RANKINGS("hf_tei_rankings", "/rerank", null, Output.RANKINGS,
            "Ranking Metrics", Input.TEXT),
    @JsonProperty("cohere_rankings") COHERE_RANKINGS("cohere_rankings", "/v2/rerank", null, Output.RANKINGS,
            "Ranking Metrics", Input.TEXT),
    @JsonProperty("huggingface_generate") HUGGINGFACE_GENERATE("huggingface_generate", "/generate", "/generate_stream",
            Output.TOKENS, "LLM Metrics", Input.TEXT, Input.STREAMING),
    @JsonProperty("generate") GENERATE("generate", "/v2/models/{model}/generate", "/v2/models/{model}/generate_stream",
            Output.TOKENS, "LLM Metrics", Input.TEXT, Input.STREAMING),
    @JsonProperty("kserve") KSERVE("kserve", "/v2/models/{model}/infer", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.GRPC, Input.GRPC_STREAMING), // streams only over gRPC (Triton's ModelStreamInfer)
    @JsonProperty("image_generation") IMAGE_GENERATION("image_generation", "/v1/images/generations", null, Output.IMAGES,
            "Image Generation Metrics", Input.TEXT, Input.STREAMING),
    @JsonProperty("image_edit") IMAGE_EDIT("image_edit", "/v1/images/edits", null, Output.IMAGES,
            "Image Edit Metrics", Input.TEXT, Input.IMAGE, Input.FORM_DATA),
    @JsonProperty("video_generation") VIDEO_GENERATION("video_generation", "/v1/videos", null, Output.VIDEOS,
            "Video Generation Metrics", Input.TEXT, Input.FORM_DATA, Input.POLLING),
    @JsonProperty("image_retrieval") IMAGE_RETRIEVAL("image_retrieval", "/v1/infer", null, Output.RESULT,
            "Image Retrieval Metrics", Input.IMAGE),
    @JsonProperty("audio_transcription") AUDIO_TRANSCRIPTION("audio_transcription", "/v1/audio/transcriptions", null,
            Output.RESULT, "Audio Transcription Metrics", Input.AUDIO, Input.FORM_DATA),
    @JsonProperty("vision") VISION("vision", "/v1/chat/completions", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.SYSTEM, Input.STREAMING),
    @JsonProperty("multimodal") MULTIMODAL("multimodal", "/v1/chat/completions", null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.AUDIO, Input.SYSTEM, Input.STREAMING),
    @JsonProperty("solido_rag") SOLIDO_RAG("solido_rag", "/rag/api/prompt", null, Output.TOKENS,
            "SOLIDO RAG Metrics", Input.TEXT, Input.STREAMING),
    @JsonProperty("raw") RAW("raw", null, null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.AUDIO, Input.VIDEO, Input.STREAMING),
    @JsonProperty("template") TEMPLATE("template", null, null, Output.TOKENS,
            "LLM Metrics", Input.TEXT, Input.IMAGE, Input.AUDIO, Input.VIDEO, Input.STREAMING),
    @JsonProperty("dynamic_grpc") DYNAMIC_GRPC("dynamic_grpc", null, null, Output.RESULT,
            "gRPC Metrics", Input.TEXT, Input.STREAMING, Input.GRPC, Input.GRPC_ONLY);

    /** What a response carries, which decides the metrics that exist. */
    public enum Output {
        /** Generated text (tokens): the LLM metrics. */
        TOKENS,
        /** Embedding vectors: latency and throughput only. */
        EMBEDDINGS,
        /** Relevance scores. */
        RANKINGS,
        /** Generated images: image throughput and latency. */
        IMAGES,
        /** Generated videos (async job). */
        VIDEOS,
        /** Any other whole result (detections, a transcript, a gRPC message): latency and throughput. */
        RESULT
    }

    /** What a request may carry and how it travels. */
    public enum Input { TEXT, IMAGE, AUDIO, VIDEO, SYSTEM, STREAMING, FORM_DATA, POLLING, GRPC, GRPC_ONLY, GRPC_STREAMING }

    /** Names AIPerf/GenAI-Perf accept that Redline deliberately does not run, with the reason. */
    private static final String TENSORRTLLM_ENGINE_REASON = "tensorrtllm_engine runs TensorRT-LLM inside the "
            + "benchmark process (GenAI-Perf only); Redline benchmarks servers over the network: serve the engine "
            + "(e.g. trtllm-serve) and use --endpoint-type chat or kserve";

    private final String wireName;
    private final String defaultPath;
    private final String streamingPath;
    private final Output output;
    private final String metricsTitle;
    private final Set<Input> inputs;

    EndpointType(String wireName, String defaultPath, String streamingPath, Output output, String metricsTitle,
                 Input... inputs) {
        this.wireName = wireName;
        this.defaultPath = defaultPath;
        this.streamingPath = streamingPath;
        this.output = output;
        this.metricsTitle = metricsTitle;
        this.inputs = inputs.length == 0 ? EnumSet.noneOf(Input.class) : EnumSet.copyOf(Arrays.asList(inputs));
    }

    public String wireName() { return wireName; }

    /** The path requests go to, or null when the type has none (raw, template, dynamic_grpc: the URL is used as is). */
    public String defaultPath() { return defaultPath; }

    /** The path when streaming ({@code /generate_stream}), else {@link #defaultPath()}. */
    public String defaultPath(boolean streaming) {
        return streaming && streamingPath != null ? streamingPath : defaultPath;
    }

    public boolean supportsStreaming() { return inputs.contains(Input.STREAMING); }

    /** Streams over the given transport: a type may stream over gRPC only (kserve's ModelStreamInfer). */
    public boolean supportsStreaming(boolean grpc) {
        return supportsStreaming() || grpc && inputs.contains(Input.GRPC_STREAMING);
    }

    /** True when responses carry generated text, so the token metrics exist. */
    public boolean producesTokens() { return output == Output.TOKENS; }

    public Output output() { return output; }

    /** The console table's title (AIPerf's metrics_title). */
    public String metricsTitle() { return metricsTitle; }

    public boolean accepts(Input input) { return inputs.contains(input); }

    /** Requests are multipart/form-data by default (file uploads). */
    public boolean requiresFormData() { return inputs.contains(Input.FORM_DATA); }

    /** The answer is a job that is polled until it is done (video generation). */
    public boolean requiresPolling() { return inputs.contains(Input.POLLING); }

    /** Can be sent over gRPC ({@code grpc://} URL). */
    public boolean supportsGrpc() { return inputs.contains(Input.GRPC); }

    /** Only over gRPC. */
    public boolean grpcOnly() { return inputs.contains(Input.GRPC_ONLY); }

    /** Parses the user-facing name (AIPerf also writes them with hyphens: hf-tei-rankings); returns null when unknown. */
    public static EndpointType fromName(String name) {
        String n = name.trim().replace('-', '_');
        for (EndpointType t : values()) {
            if (t.wireName.equalsIgnoreCase(n)) return t;
        }
        return null;
    }

    /** The valid names, comma-separated, for error messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(EndpointType::wireName).collect(Collectors.joining(", "));
    }

    /**
     * Why {@code name} is not a type Redline runs: the reason for a known but refused type, else the list of
     * valid ones. Null when the name is valid.
     */
    public static String unknownReason(String name) {
        if (fromName(name) != null) return null;
        if ("tensorrtllm_engine".equalsIgnoreCase(name)) return TENSORRTLLM_ENGINE_REASON;
        return "unknown endpoint type '" + name + "'; use one of " + validNames();
    }
}
