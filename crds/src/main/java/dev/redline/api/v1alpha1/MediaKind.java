package dev.redline.api.v1alpha1;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The media a request can carry besides text, and which endpoint types take each (AIPerf's supports_images,
 * supports_audio, supports_videos endpoint metadata), so a media flag with a text-only endpoint is refused up front.
 */
public enum MediaKind {
    IMAGE("image"), AUDIO("audio"), VIDEO("video");

    private static final Map<String, Set<MediaKind>> BY_ENDPOINT = new LinkedHashMap<>();

    static {
        BY_ENDPOINT.put("chat", EnumSet.allOf(MediaKind.class));
        BY_ENDPOINT.put("vision", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("multimodal", EnumSet.allOf(MediaKind.class));
        BY_ENDPOINT.put("responses", EnumSet.of(IMAGE, AUDIO));
        BY_ENDPOINT.put("messages", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("chat_embeddings", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("nim_embeddings", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("image_edit", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("image_retrieval", EnumSet.of(IMAGE));
        BY_ENDPOINT.put("audio_transcription", EnumSet.of(AUDIO));
        BY_ENDPOINT.put("template", EnumSet.allOf(MediaKind.class));
        BY_ENDPOINT.put("raw", EnumSet.allOf(MediaKind.class));
    }

    private final String word;

    MediaKind(String word) {
        this.word = word;
    }

    public String word() { return word; }

    /** The media an endpoint type (by its --endpoint-type name) takes; empty for text-only types. */
    public static Set<MediaKind> accepted(String endpointType) {
        return BY_ENDPOINT.getOrDefault(endpointType, EnumSet.noneOf(MediaKind.class));
    }

    /** The endpoint types that take this kind of media, for error messages. */
    public static List<String> endpointsFor(MediaKind kind) {
        List<String> out = new ArrayList<>();
        BY_ENDPOINT.forEach((type, kinds) -> {
            if (kinds.contains(kind)) out.add(type);
        });
        return out;
    }
}
