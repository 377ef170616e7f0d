package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;

import java.util.List;
import java.util.Map;

/**
 * The media-centric types. Their media inputs (the image to edit, the audio to transcribe, the images to
 * search) come from the turn's media, which the dataset layer encodes before the run; a file may also be given
 * as a per-record extra field holding a {@link FormFile}. Results are counted as generated items (AIPerf's
 * num_images), not tokens.
 */
final class MediaEndpoints {
    private MediaEndpoints() { }

    /**
     * OpenAI image generation ({@code /v1/images/generations}): {@code {"model", "prompt", "response_format":
     * "b64_json", "stream"}} → {@code {"data": [{"b64_json"|"url"}]}}; streamed as
     * {@code image_generation.partial_image} and {@code image_generation.completed} events.
     */
    static final class ImageGeneration extends BaseEndpoint {
        ImageGeneration(ClientConfig config) {
            super(EndpointType.IMAGE_GENERATION, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> body = JsonPayloads.object("model", model, "prompt", GenerateEndpoints.prompt(turn),
                    "response_format", "b64_json");
            if (config.streaming()) body.put("stream", true);
            return body;
        }

        @Override
        public ResponseParser newParser() {
            return new ImagesParser();
        }
    }

    /**
     * OpenAI image edit ({@code /v1/images/edits}, multipart): {@code model}, {@code prompt} and the {@code image}
     * file part → the images answer.
     */
    static final class ImageEdit extends BaseEndpoint {
        ImageEdit(ClientConfig config) {
            super(EndpointType.IMAGE_EDIT, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> body = JsonPayloads.object("model", model, "prompt", GenerateEndpoints.prompt(turn), "response_format", "b64_json");
            // the turn's first image: an http(s) URL goes as the url field (SGLang), inline data as the image file part
            if (!turn.media().images().isEmpty()) {
                String image = turn.media().images().get(0);
                body.put(image.startsWith("http://") || image.startsWith("https://") ? "url" : "image", image);
            }
            return body;
        }

        @Override
        public ResponseParser newParser() {
            return new ImagesParser();
        }
    }

    /** {@code {"data": [{"b64_json"|"url"}]}}, or one streamed image event; each image is one generated item. */
    static final class ImagesParser extends TreeResponseParser {
        @Override
        protected String read(JsonNode root) {
            String type = root.path("type").asText("");
            if (type.startsWith("image_generation.") || type.startsWith("image_edit.")) {
                hasData = true;
                if (type.endsWith(".completed")) {
                    items = 1;
                    finished = true;
                    usage = usageOf(root.get("usage"));
                }
                return null;
            }
            JsonNode data = root.get("data");
            if (data == null || !data.isArray() || data.isEmpty()) return "not an images answer (no data list)";
            for (JsonNode image : data) {
                if (!image.path("b64_json").isTextual() && !image.path("url").isTextual()) return "an image without b64_json or url";
            }
            items = data.size();
            hasData = true;
            finished = true;
            usage = usageOf(root.get("usage"));
            return null;
        }
    }

    /**
     * NIM image retrieval ({@code /v1/infer}, e.g. page-element detection): {@code {"input": [{"type": "image_url",
     * "url": data URL}]}} → {@code {"data": [{"index", "bounding_boxes"}]}}. The images are the turn's texts that
     * are image data URLs or http(s) URLs, after the turn's images.
     */
    static final class ImageRetrieval extends BaseEndpoint {
        ImageRetrieval(ClientConfig config) {
            super(EndpointType.IMAGE_RETRIEVAL, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            List<Map<String, Object>> input = new java.util.ArrayList<>();
            for (String url : turn.media().images()) input.add(JsonPayloads.object("type", "image_url", "url", url));
            for (String t : turn.texts()) {
                String url = t.trim();
                if (url.startsWith("data:image/") || url.startsWith("http://") || url.startsWith("https://")) {
                    input.add(JsonPayloads.object("type", "image_url", "url", url));
                }
            }
            return JsonPayloads.object("input", input);
        }

        @Override
        public ResponseParser newParser() {
            return new ListParser("data", "image retrieval");
        }
    }

    /**
     * OpenAI audio transcription ({@code /v1/audio/transcriptions}, multipart): {@code model}, the {@code file}
     * part, {@code response_format=json} → {@code {"text"}} (a result; AIPerf counts no tokens for it).
     */
    static final class AudioTranscription extends BaseEndpoint {
        AudioTranscription(ClientConfig config) {
            super(EndpointType.AUDIO_TRANSCRIPTION, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> body = JsonPayloads.object("model", model, "response_format", "json");
            if (!turn.media().audios().isEmpty()) {
                // "<format>,<base64>" is uploaded as audio.<format>, typed as AIPerf does (mp3: audio/mpeg)
                String clip = turn.media().audios().get(0);
                int comma = clip.indexOf(',');
                String format = clip.substring(0, comma);
                body.put("file", new FormFile("audio." + format, "mp3".equals(format) ? "audio/mpeg" : "audio/" + format,
                        java.util.Base64.getDecoder().decode(clip.substring(comma + 1))));
            }
            return body;
        }

        @Override
        public ResponseParser newParser() {
            return new TreeResponseParser() {
                @Override
                protected String read(JsonNode root) {
                    if (!root.path("text").isTextual()) return "not a transcription answer (no text)";
                    hasData = true;
                    items = 1;
                    finished = true;
                    usage = usageOf(root.get("usage"));
                    return null;
                }
            };
        }
    }

    /**
     * OpenAI/SGLang video generation ({@code /v1/videos}, multipart by default): {@code prompt}, {@code model}
     * (size, seconds, fps... via --extra-inputs) → a job {@code {"id", "status"}} that the client polls until it is
     * completed (the client's VideoJobExchange); this parser reads one job answer.
     */
    static final class VideoGeneration extends BaseEndpoint {
        VideoGeneration(ClientConfig config) {
            super(EndpointType.VIDEO_GENERATION, config);
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            return JsonPayloads.object("prompt", GenerateEndpoints.prompt(turn), "model", model);
        }

        @Override
        public ResponseParser newParser() {
            return new TreeResponseParser() {
                @Override
                protected String read(JsonNode root) {
                    if (!root.path("id").isTextual()) return "not a video job (no id)";
                    hasData = true;
                    finished = "completed".equals(root.path("status").asText());
                    return null;
                }
            };
        }
    }

    /** A result list under {@code field}: each element one item. */
    static final class ListParser extends TreeResponseParser {
        private final String field;
        private final String api;

        ListParser(String field, String api) {
            this.field = field;
            this.api = api;
        }

        @Override
        protected String read(JsonNode root) {
            JsonNode list = root.get(field);
            if (list == null || !list.isArray()) return "not an " + api + " answer (no " + field + " list)";
            items = list.size();
            hasData = true;
            finished = true;
            usage = usageOf(root.get("usage"));
            return null;
        }
    }
}
