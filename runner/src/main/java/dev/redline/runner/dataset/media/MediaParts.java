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
 */
public record MediaParts(List<String> images, List<String> audios, List<String> videos, double audioSeconds) {
    public static final MediaParts NONE = new MediaParts(List.of(), List.of(), List.of(), 0);

    public MediaParts {
        images = List.copyOf(images);
        audios = List.copyOf(audios);
        videos = List.copyOf(videos);
    }

    public boolean isEmpty() {
        return images.isEmpty() && audios.isEmpty() && videos.isEmpty();
    }
}
