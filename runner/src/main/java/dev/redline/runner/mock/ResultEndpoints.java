package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The mock's result endpoints: rankings (NIM, TEI, Cohere), images (generation, edit), detections, transcripts. */
final class ResultEndpoints {
    private ResultEndpoints() { }

    /** A 1x1 PNG, the image every images answer carries. */
    static final String PNG_B64 = Base64.getEncoder().encodeToString(new byte[] {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
            0x1f, 0x15, (byte) 0xc4, (byte) 0x89, 0, 0, 0, 13, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1,
            0x0d, 0x0a, 0x2d, (byte) 0xb4, 0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82});

    enum Rankings { NIM, TEI, COHERE }

    /** Scores each passage (1 ms each, as AIPerf's mock) in the reranker's own answer shape. */
    static final class RankingsHandler extends ResultHandler {
        private final Rankings shape;

        RankingsHandler(MockContext ctx, Rankings shape) {
            super(ctx);
            this.shape = shape;
        }

        @Override
        protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
            JsonNode root = InferenceRequest.json(body);
            String query;
            JsonNode passages;
            switch (shape) {
                case NIM -> {
                    query = root.path("query").path("text").asText(null);
                    passages = root.get("passages");
                    if (passages != null) for (JsonNode p : passages) if (!p.path("text").isTextual()) throw bad("passages[].text is required");
                }
                case TEI -> {
                    query = root.path("query").isTextual() ? root.get("query").asText() : null;
                    passages = root.get("texts");
                }
                default -> {
                    query = root.path("query").isTextual() ? root.get("query").asText() : null;
                    passages = root.get("documents");
                }
            }
            if (query == null) throw bad(shape == Rankings.NIM ? "query.text is required" : "query must be a string");
            if (passages == null || !passages.isArray() || passages.isEmpty()) {
                throw bad((shape == Rankings.NIM ? "passages" : shape == Rankings.TEI ? "texts" : "documents") + " must be a non-empty list");
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode p : passages) texts.add(shape == Rankings.NIM ? p.get("text").asText() : p.asText());
            return new InferenceRequest(InferenceRequest.model(root, ctx.defaultModel), false, false, -1, query, texts);
        }

        @Override
        protected long extraNanos(InferenceRequest req) { return req.inputs.size() * 1_000_000L; }

        @Override
        protected String body(InferenceRequest req, long index) {
            StringBuilder b = new StringBuilder(switch (shape) {
                case NIM -> "{\"rankings\":[";
                case TEI -> "[";
                case COHERE -> "{\"id\":\"rerank-" + index + "\",\"results\":[";
            });
            for (int i = 0; i < req.inputs.size(); i++) {
                if (i > 0) b.append(',');
                double score = 1.0 / (i + 1);
                b.append("{\"index\":").append(i).append(switch (shape) {
                    case NIM -> ",\"logit\":";
                    case TEI -> ",\"score\":";
                    case COHERE -> ",\"relevance_score\":";
                }).append(score).append('}');
            }
            return b.append(switch (shape) {
                case NIM -> "]}";
                case TEI -> "]";
                case COHERE -> "],\"meta\":{\"billed_units\":{\"search_units\":1}}}";
            }).toString();
        }
    }

    /** Image generation (JSON prompt, {@code n} images) and image edit (multipart: prompt and the image file). */
    static final class ImagesHandler extends ResultHandler {
        private final boolean edit;

        ImagesHandler(MockContext ctx, boolean edit) {
            super(ctx);
            this.edit = edit;
        }

        @Override
        protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
            if (edit) {
                MultipartForm form = MultipartForm.parse(request, body);
                if (!form.fields.containsKey("url")) form.requireFile("image", MockMedia::isImage, "a PNG, JPEG, GIF, BMP or WebP image");
                return new InferenceRequest(form.fields.getOrDefault("model", ctx.defaultModel), false, false, 1,
                        form.require("prompt"), List.of());
            }
            JsonNode root = InferenceRequest.json(body);
            if (!root.path("prompt").isTextual()) throw bad("prompt must be a string");
            int n = root.path("n").asInt(1);
            if (n < 1 || n > 10) throw bad("n must be between 1 and 10");
            return new InferenceRequest(InferenceRequest.model(root, ctx.defaultModel), root.path("stream").asBoolean(false),
                    false, n, root.get("prompt").asText(), List.of());
        }

        @Override
        protected String events(InferenceRequest req, long index) {
            return imageEvents(Math.max(1, req.maxTokens));
        }

        @Override
        protected String body(InferenceRequest req, long index) {
            StringBuilder b = new StringBuilder("{\"created\":").append(System.currentTimeMillis() / 1000).append(",\"data\":[");
            for (int i = 0; i < Math.max(1, req.maxTokens); i++) {
                if (i > 0) b.append(',');
                b.append("{\"b64_json\":\"").append(PNG_B64).append("\"}");
            }
            return b.append("],\"usage\":{\"input_tokens\":").append(ctx.promptTokens.applyAsInt(req.promptText))
                    .append(",\"output_tokens\":0,\"total_tokens\":").append(ctx.promptTokens.applyAsInt(req.promptText)).append("}}").toString();
        }
    }

    /** gpt-image streaming: partial_image events, then image_generation.completed with the usage. */
    static String imageEvents(int images) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < images; i++) {
            b.append("event: image_generation.partial_image\ndata: {\"type\":\"image_generation.partial_image\",\"b64_json\":\"")
                    .append(PNG_B64).append("\",\"partial_image_index\":0}\n\n");
            b.append("event: image_generation.completed\ndata: {\"type\":\"image_generation.completed\",\"b64_json\":\"")
                    .append(PNG_B64).append("\",\"usage\":{\"input_tokens\":1,\"output_tokens\":0,\"total_tokens\":1}}\n\n");
        }
        return b.toString();
    }

    /** NIM image retrieval (/v1/infer): input image_url items, one detection list per image. */
    static final class ImageRetrievalHandler extends ResultHandler {
        ImageRetrievalHandler(MockContext ctx) {
            super(ctx);
        }

        @Override
        protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
            JsonNode input = InferenceRequest.json(body).get("input");
            if (input == null || !input.isArray() || input.isEmpty()) throw bad("input must be a non-empty list of image_url items");
            List<String> urls = new ArrayList<>();
            for (JsonNode item : input) {
                if (!"image_url".equals(item.path("type").asText()) || !item.path("url").isTextual()) {
                    throw bad("each input item must be {\"type\": \"image_url\", \"url\": ...}");
                }
                urls.add("");
            }
            return new InferenceRequest(ctx.defaultModel, false, false, -1, "", urls);
        }

        @Override
        protected String body(InferenceRequest req, long index) {
            StringBuilder b = new StringBuilder("{\"data\":[");
            for (int i = 0; i < req.inputs.size(); i++) {
                if (i > 0) b.append(',');
                b.append("{\"index\":").append(i).append(",\"bounding_boxes\":{\"table\":[{\"x_min\":0.1,\"y_min\":0.1,"
                        + "\"x_max\":0.9,\"y_max\":0.5,\"confidence\":0.9}]}}");
            }
            return b.append("],\"usage\":{\"images_size_mb\":0.001}}").toString();
        }
    }

    /** Audio transcription (multipart: model and the file part) answered with {"text": ...}. */
    static final class TranscriptionHandler extends ResultHandler {
        TranscriptionHandler(MockContext ctx) {
            super(ctx);
        }

        @Override
        protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
            MultipartForm form = MultipartForm.parse(request, body);
            form.requireFile("file", h -> MockMedia.isWav(h) || MockMedia.isMp3(h), "a WAV or MP3 file");
            return new InferenceRequest(form.require("model"), false, false, -1, "", List.of());
        }

        @Override
        protected String body(InferenceRequest req, long index) {
            return "{\"text\":" + JsonText.quote(WordList.CONTENT_TOKENS.text(ctx.plan.wordOffset(index), 12).trim()) + "}";
        }
    }

    static InferenceRequest.BadRequest bad(String message) {
        return new InferenceRequest.BadRequest(message);
    }
}
