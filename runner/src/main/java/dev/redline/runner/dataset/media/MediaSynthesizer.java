package dev.redline.runner.dataset.media;

import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.runner.dataset.SeedStreams;

import java.util.List;

/**
 * The synthetic images, audio and video of each dataset entry, made while the dataset is built (before the first
 * request), so payloads cost the load generator nothing but their bytes. Each kind is off unless configured.
 */
public final class MediaSynthesizer {
    private final ImageSynthesizer images;
    private final AudioSynthesizer audio;
    private final VideoSynthesizer video;

    private MediaSynthesizer(ImageSynthesizer images, AudioSynthesizer audio, VideoSynthesizer video) {
        this.images = images;
        this.audio = audio;
        this.video = video;
    }

    /** The synthesizer for the spec's media, or null when none is configured. */
    public static MediaSynthesizer forSpec(DatasetSpec ds, SeedStreams seeds) {
        if (!ds.mediaEnabled()) return null;
        return new MediaSynthesizer(
                ds.getImages() != null && ds.getImages().enabled() ? new ImageSynthesizer(ds.getImages(), seeds) : null,
                ds.getAudio() != null && ds.getAudio().enabled() ? new AudioSynthesizer(ds.getAudio(), seeds) : null,
                ds.getVideo() != null && ds.getVideo().enabled() ? new VideoSynthesizer(ds.getVideo(), seeds) : null);
    }

    public MediaParts forEntry(long entry) {
        List<String> img = images == null ? List.of() : images.batch(entry);
        List<AudioSynthesizer.Clip> clips = audio == null ? List.of() : audio.batch(entry);
        List<String> vid = video == null ? List.of() : video.batch(entry);
        double seconds = 0;
        for (AudioSynthesizer.Clip c : clips) seconds += c.seconds();
        return new MediaParts(img, clips.stream().map(AudioSynthesizer.Clip::data).toList(), vid, seconds);
    }
}
