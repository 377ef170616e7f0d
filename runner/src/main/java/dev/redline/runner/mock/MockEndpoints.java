package dev.redline.runner.mock;

import dev.redline.api.v1alpha1.EndpointType;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * The mock's side of the endpoint registry: the handler that serves each {@link EndpointType} at its default
 * path (and its streaming path). Types that share a path (chat, vision and multimodal; the embeddings family)
 * share one handler that accepts each of their request shapes. The switch names every type, so a new type
 * does not compile until the mock serves it.
 */
final class MockEndpoints {
    private MockEndpoints() { }

    static void register(MockRouter router, MockContext ctx) {
        Map<String, Handler<HttpServerRequest>> byPath = new HashMap<>();
        for (EndpointType type : EndpointType.values()) {
            for (String path : paths(type)) {
                Handler<HttpServerRequest> h = byPath.computeIfAbsent(path, p -> handler(type, ctx));
                if (h != null) router.add(HttpMethod.POST, path, h);
            }
        }
        VideoJobs.register(router, ctx, EndpointType.VIDEO_GENERATION.defaultPath()); // an async job: submit, poll, content
    }

    /** Where the mock serves {@code type}: its default and streaming paths, with {@code {model}} a wildcard. */
    static String[] paths(EndpointType type) {
        String plain = type.defaultPath(false);
        String streaming = type.defaultPath(true);
        if (plain == null) return new String[0];
        return plain.equals(streaming) ? new String[] {plain} : new String[] {plain, streaming};
    }

    /** The handler for {@code type}, or null while the mock does not serve it. */
    private static Handler<HttpServerRequest> handler(EndpointType type, MockContext ctx) {
        return switch (type) {
            case CHAT, VISION, MULTIMODAL -> new GenerationHandler(ctx, GenerationApis.CHAT);
            case COMPLETIONS -> new GenerationHandler(ctx, GenerationApis.COMPLETIONS);
            case RESPONSES -> new GenerationHandler(ctx, GenerationApis.RESPONSES);
            case MESSAGES -> new GenerationHandler(ctx, GenerationApis.MESSAGES);
            case HUGGINGFACE_GENERATE -> new GenerationHandler(ctx, GenerationApis.TGI);
            case GENERATE -> new GenerationHandler(ctx, GenerationApis.TRITON);
            case SOLIDO_RAG -> new GenerationHandler(ctx, GenerationApis.SOLIDO);
            case KSERVE -> new GenerationHandler(ctx, GenerationApis.KSERVE);
            case EMBEDDINGS, CHAT_EMBEDDINGS, NIM_EMBEDDINGS, NVCLIP -> new EmbeddingsHandler(ctx);
            case RANKINGS, NIM_RANKINGS -> new ResultEndpoints.RankingsHandler(ctx, ResultEndpoints.Rankings.NIM);
            case HF_TEI_RANKINGS -> new ResultEndpoints.RankingsHandler(ctx, ResultEndpoints.Rankings.TEI);
            case COHERE_RANKINGS -> new ResultEndpoints.RankingsHandler(ctx, ResultEndpoints.Rankings.COHERE);
            case IMAGE_GENERATION -> new ResultEndpoints.ImagesHandler(ctx, false);
            case IMAGE_EDIT -> new ResultEndpoints.ImagesHandler(ctx, true);
            case IMAGE_RETRIEVAL -> new ResultEndpoints.ImageRetrievalHandler(ctx);
            case AUDIO_TRANSCRIPTION -> new ResultEndpoints.TranscriptionHandler(ctx);
            // raw, template and dynamic_grpc have no path of their own: the user points them at any API above
            case RAW, TEMPLATE, DYNAMIC_GRPC -> null;
            case VIDEO_GENERATION -> null; // VideoJobs serves its three routes
        };
    }
}
