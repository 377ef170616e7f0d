package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The media a client sent the mock, checked the way a server would reject it: chat content parts must be text,
 * image_url, input_audio or video_url, each with its field; inline media must be base64 whose bytes start like
 * the named format (PNG, JPEG, GIF, BMP, WebP; WAV, MP3; WebM, MP4). Accepted parts are counted, so tests compare
 * what arrived with what the client reports.
 */
public final class MockMedia {
    /** What arrived so far, or in one request. */
    public record Received(long images, long audios, long videos) {
        static final Received NONE = new Received(0, 0, 0);
    }

    private final LongAdder images = new LongAdder();
    private final LongAdder audios = new LongAdder();
    private final LongAdder videos = new LongAdder();
    /** vLLM's multimodal processor cache, by the uuids of image parts that came with their content. */
    private final java.util.Set<String> cachedImageUuids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LongAdder imageCacheHits = new LongAdder();

    /** The image uuids of one chat request: with content (cached once it is admitted) and by reference alone. */
    static final class ImageUuids {
        final java.util.List<String> withContent = new java.util.ArrayList<>();
        final java.util.List<String> references = new java.util.ArrayList<>();
    }

    /** Image parts that came as a uuid alone and were served from the cache. */
    public long imageCacheHits() {
        return imageCacheHits.sum();
    }

    /**
     * As vLLM with its multimodal cache: a part by uuid alone needs that uuid cached by an earlier request (a repeat
     * within one request does not count: the cache fills after it); 400 otherwise. Then the request's new uuids are cached.
     */
    void admit(ImageUuids ids) throws InferenceRequest.BadRequest {
        if (ids == null) return;
        for (String ref : ids.references) {
            if (!cachedImageUuids.contains(ref)) throw bad("image uuid '" + ref + "' is not in the multimodal cache; send the image's content with it first");
        }
        imageCacheHits.add(ids.references.size());
        cachedImageUuids.addAll(ids.withContent);
    }

    public Received received() {
        return new Received(images.sum(), audios.sum(), videos.sum());
    }

    void add(Received r) {
        images.add(r.images());
        audios.add(r.audios());
        videos.add(r.videos());
    }

    /** Checks every content part of a chat body's messages and counts the media; 400 on the first bad part. */
    static Received checkChat(JsonNode root, ImageUuids ids) throws InferenceRequest.BadRequest {
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray()) return Received.NONE;
        long img = 0;
        long aud = 0;
        long vid = 0;
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content == null || !content.isArray()) continue;
            for (JsonNode part : content) {
                String type = part.path("type").asText("");
                switch (type) {
                    case "text" -> {
                        if (!part.path("text").isTextual()) throw bad("a text part needs a string 'text'");
                    }
                    case "image_url" -> {
                        String uuid = part.path("uuid").asText("");
                        if (!uuid.isEmpty() && part.path("image_url").path("url").asText("").isEmpty()) {
                            ids.references.add(uuid); // the cached image, by uuid alone
                        } else {
                            image(part.path("image_url").path("url"));
                            if (!uuid.isEmpty()) ids.withContent.add(uuid);
                        }
                        img++;
                    }
                    case "input_audio" -> {
                        audio(part.path("input_audio"));
                        aud++;
                    }
                    case "video_url" -> {
                        video(part.path("video_url").path("url"));
                        vid++;
                    }
                    default -> throw bad("unknown content part type '" + type + "'; use text, image_url, input_audio or video_url");
                }
            }
        }
        return img + aud + vid == 0 ? Received.NONE : new Received(img, aud, vid);
    }

    /** The Responses API's parts: {@code input_image} (a plain {@code image_url} string) and {@code input_audio}. */
    static Received checkResponses(JsonNode root) throws InferenceRequest.BadRequest {
        long img = 0;
        long aud = 0;
        for (JsonNode item : root.path("input")) {
            for (JsonNode part : item.path("content")) {
                switch (part.path("type").asText("")) {
                    case "input_image" -> {
                        image(part.path("image_url"));
                        img++;
                    }
                    case "input_audio" -> {
                        audio(part.path("input_audio"));
                        aud++;
                    }
                    default -> { }
                }
            }
        }
        return img + aud == 0 ? Received.NONE : new Received(img, aud, 0);
    }

    /** Anthropic's image blocks: a {@code base64} source (media_type image/*, real image bytes) or a {@code url} source. */
    static Received checkAnthropic(JsonNode root) throws InferenceRequest.BadRequest {
        long img = 0;
        for (JsonNode message : root.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if (!"image".equals(block.path("type").asText())) continue;
                JsonNode source = block.path("source");
                String type = source.path("type").asText("");
                if (type.equals("base64")) {
                    if (!source.path("media_type").asText("").startsWith("image/")) throw bad("image source media_type must be image/*");
                    if (!isImage(base64(source.path("data").asText(""), "image source data"))) throw bad("image source data is not an image");
                } else if (!type.equals("url") || !source.path("url").asText("").startsWith("http")) {
                    throw bad("image source must be {type: base64, media_type, data} or {type: url, url}");
                }
                img++;
            }
        }
        return img == 0 ? Received.NONE : new Received(img, 0, 0);
    }

    /** An image given as a URL or data URL; returns its bytes ({@code null} for an http(s) URL). */
    static byte[] image(JsonNode url) throws InferenceRequest.BadRequest {
        byte[] b = urlOrData(url, "image");
        if (b != null && !isImage(b)) throw bad("image_url data is not a PNG, JPEG, GIF, BMP or WebP image");
        return b;
    }

    static byte[] audio(JsonNode inputAudio) throws InferenceRequest.BadRequest {
        String format = inputAudio.path("format").asText("").toLowerCase(Locale.ROOT);
        if (!inputAudio.path("data").isTextual()) throw bad("input_audio needs base64 'data'");
        byte[] b = base64(inputAudio.path("data").asText(), "input_audio.data");
        if (format.equals("wav") ? !isWav(b) : format.equals("mp3") ? !isMp3(b) : true) {
            throw bad("input_audio data is not a " + (format.isEmpty() ? "wav or mp3" : format) + " file (format must be wav or mp3)");
        }
        return b;
    }

    static byte[] video(JsonNode url) throws InferenceRequest.BadRequest {
        byte[] b = urlOrData(url, "video");
        if (b != null && !isWebm(b) && !isMp4(b)) throw bad("video_url data is not a WebM or MP4 file");
        return b;
    }

    private static byte[] urlOrData(JsonNode url, String kind) throws InferenceRequest.BadRequest {
        if (!url.isTextual() || url.asText().isEmpty()) throw bad(kind + "_url needs a 'url' string");
        String u = url.asText();
        if (u.startsWith("http://") || u.startsWith("https://")) return null;
        String prefix = "data:" + kind + "/";
        int comma = u.indexOf(',');
        if (!u.startsWith(prefix) || comma < 0 || !u.substring(0, comma).endsWith(";base64")) {
            throw bad(kind + "_url must be an http(s) URL or a data:" + kind + "/<format>;base64,<data> URL");
        }
        return base64(u.substring(comma + 1), kind + "_url");
    }

    static byte[] base64(String s, String field) throws InferenceRequest.BadRequest {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw bad(field + " is not valid base64: " + e.getMessage());
        }
    }

    static boolean isImage(byte[] b) {
        return starts(b, 0x89, 'P', 'N', 'G') || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 'G', 'I', 'F', '8') || starts(b, 'B', 'M')
                || (starts(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P');
    }

    static boolean isWav(byte[] b) {
        return starts(b, 'R', 'I', 'F', 'F') && b.length > 11 && b[8] == 'W' && b[9] == 'A' && b[10] == 'V' && b[11] == 'E';
    }

    static boolean isMp3(byte[] b) {
        return starts(b, 'I', 'D', '3') || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0);
    }

    static boolean isWebm(byte[] b) {
        return starts(b, 0x1A, 0x45, 0xDF, 0xA3);
    }

    static boolean isMp4(byte[] b) {
        return b.length > 7 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    static InferenceRequest.BadRequest bad(String message) {
        return new InferenceRequest.BadRequest(message);
    }
}
