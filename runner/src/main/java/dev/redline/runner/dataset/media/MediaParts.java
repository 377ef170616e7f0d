package dev.redline.runner.dataset.media;

import java.util.List;

/**
 * The non-text inputs of one turn, in the forms the wire takes them (AIPerf's Turn.images/audios/videos), so request
 * factories only place them.
 *
 * @param images       data URLs ({@code data:image/png;base64,...}) or http(s) URLs
 * @param audios       {@code <format>,<base64>} strings (AIPerf's shape), e.g. {@code wav,UklGR...}
 * @param videos       data URLs ({@code data:video/webm;base64,...}) or http(s) URLs
 * @param audioSeconds total length of the audio clips in seconds, for audio_duration and RTFx; 0 when unknown
 * @param imageUuids   vLLM multimodal-cache ids aligned with {@code images} ("" where an image has none), or empty when
 *                     no image has one; an image whose content is "" is a reference by id alone
 */
public record MediaParts(List<String> images, List<String> audios, List<String> videos, double audioSeconds, List<String> imageUuids) {
    public static final MediaParts NONE = new MediaParts(List.of(), List.of(), List.of(), 0);

    public MediaParts {
        images = List.copyOf(images);
        audios = List.copyOf(audios);
        videos = List.copyOf(videos);
        imageUuids = imageUuids.stream().allMatch(String::isEmpty) ? List.of() : List.copyOf(imageUuids);
        if (!imageUuids.isEmpty() && imageUuids.size() != images.size()) {
            throw new IllegalArgumentException("image uuids (" + imageUuids.size() + ") must align with images (" + images.size() + ")");
        }
    }

    /** Media without cache ids. */
    public MediaParts(List<String> images, List<String> audios, List<String> videos, double audioSeconds) {
        this(images, audios, videos, audioSeconds, List.of());
    }

    public boolean isEmpty() {
        return images.isEmpty() && audios.isEmpty() && videos.isEmpty();
    }

    /** The cache id of image {@code i}, or "" when it has none. */
    public String imageUuid(int i) {
        return imageUuids.isEmpty() ? "" : imageUuids.get(i);
    }

    /** The media of several sources sent together, in order (each image keeps its id). */
    public static MediaParts concat(List<MediaParts> parts) {
        if (parts.size() == 1) return parts.get(0);
        List<String> images = new java.util.ArrayList<>();
        List<String> uuids = new java.util.ArrayList<>();
        List<String> audios = new java.util.ArrayList<>();
        List<String> videos = new java.util.ArrayList<>();
        double seconds = 0;
        for (MediaParts p : parts) {
            images.addAll(p.images);
            for (int i = 0; i < p.images.size(); i++) uuids.add(p.imageUuid(i));
            audios.addAll(p.audios);
            videos.addAll(p.videos);
            seconds += p.audioSeconds;
        }
        return images.isEmpty() && audios.isEmpty() && videos.isEmpty() ? NONE : new MediaParts(images, audios, videos, seconds, uuids);
    }

    /** The same media with these image contents (the ids kept). */
    public MediaParts withImages(List<String> contents) {
        return new MediaParts(contents, audios, videos, audioSeconds, imageUuids);
    }
}
