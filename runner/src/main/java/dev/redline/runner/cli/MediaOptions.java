package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.AudioSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DistributionSpec;
import dev.redline.api.v1alpha1.ImagesSpec;
import dev.redline.api.v1alpha1.VideoAudioSpec;
import dev.redline.api.v1alpha1.VideoSpec;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Synthetic image, audio and video flags of {@code redline profile} and {@code redline synthesize} (AIPerf names and defaults). */
public class MediaOptions implements SpecOptions {
    @Option(names = "--image-width-mean", paramLabel = "PX", description = "Mean image width in pixels; with --image-height-mean above 0 each request carries images. Default 0 (no images).")
    Double imageWidthMean;

    @Option(names = "--image-width-stddev", paramLabel = "PX", description = "Standard deviation of the image width. Default 0.")
    Double imageWidthStddev;

    @Option(names = "--image-height-mean", paramLabel = "PX", description = "Mean image height in pixels. Default 0 (no images).")
    Double imageHeightMean;

    @Option(names = "--image-height-stddev", paramLabel = "PX", description = "Standard deviation of the image height. Default 0.")
    Double imageHeightStddev;

    @Option(names = {"--image-batch-size", "--batch-size-image"}, paramLabel = "N", description = "Images per request. Default 1.")
    Integer imageBatchSize;

    @Option(names = "--image-format", paramLabel = "png|jpeg|random", description = "Image encoding; random picks png or jpeg per image. Default png.")
    String imageFormat;

    @Option(names = "--image-source", paramLabel = "noise|assets|DIR", description = "noise (seeded random pixels, default), assets (four built-in scenes) or a directory of images, resized to the drawn sizes.")
    String imageSource;

    @Option(names = "--image-source-sampling", paramLabel = "STRATEGY",
            description = "How assets' or a directory's images are picked: random-with-replacement (default), shuffle-cycle, sequential-cycle.")
    String imageSourceSampling;

    @Option(names = {"--audio-batch-size", "--batch-size-audio"}, paramLabel = "N", description = "Audio clips per request. Default 1.")
    Integer audioBatchSize;

    @Option(names = "--audio-length-mean", paramLabel = "SECONDS", description = "Mean clip length in seconds; above 0 each request carries audio. Default 0 (no audio).")
    Double audioLengthMean;

    @Option(names = "--audio-length-stddev", paramLabel = "SECONDS", description = "Standard deviation of the clip length. Default 0.")
    Double audioLengthStddev;

    @Option(names = "--audio-format", paramLabel = "wav|mp3|random", description = "Clip encoding (mp3 needs ffmpeg on PATH). Default wav.")
    String audioFormat;

    @Option(names = "--audio-depths", paramLabel = "BITS", arity = "1..*", split = ",",
            description = "Bit depths picked from per clip (8, 16, 24, 32), e.g. --audio-depths 16 24. Default 16.")
    List<Integer> audioDepths;

    @Option(names = "--audio-sample-rates", paramLabel = "KHZ", arity = "1..*", split = ",",
            description = "Sample rates in kHz picked from per clip, e.g. --audio-sample-rates 16 44.1. Default 16.")
    List<Double> audioSampleRates;

    @Option(names = "--audio-num-channels", paramLabel = "1|2", description = "Mono (1, default) or stereo (2).")
    Integer audioChannels;

    @Option(names = {"--video-batch-size", "--batch-size-video"}, paramLabel = "N", description = "Video clips per request. Default 1.")
    Integer videoBatchSize;

    @Option(names = "--video-duration", paramLabel = "SECONDS", description = "Clip length in seconds. Default 5.")
    Double videoDuration;

    @Option(names = "--video-fps", paramLabel = "FPS", description = "Frames per second. Default 4.")
    Integer videoFps;

    @Option(names = "--video-width", paramLabel = "PX", description = "Frame width; with --video-height each request carries video (needs ffmpeg on PATH).")
    Integer videoWidth;

    @Option(names = "--video-height", paramLabel = "PX", description = "Frame height; set with --video-width.")
    Integer videoHeight;

    @Option(names = "--video-synth-type", paramLabel = "TYPE", description = "moving_shapes (default), grid_clock or noise.")
    String videoSynthType;

    @Option(names = "--video-format", paramLabel = "webm|mp4", description = "Container. Default webm.")
    String videoFormat;

    @Option(names = "--video-codec", paramLabel = "CODEC", description = "ffmpeg video encoder, e.g. libvpx-vp9 (default), libvpx, libx264.")
    String videoCodec;

    @Option(names = "--video-audio-sample-rate", paramLabel = "HZ", description = "Sample rate of the embedded audio track, Hz (or kHz up to 1000). Default 44100.")
    Double videoAudioSampleRate;

    @Option(names = "--video-audio-num-channels", paramLabel = "0|1|2", description = "Channels of an embedded noise audio track; 0 (default) adds none.")
    Integer videoAudioChannels;

    @Option(names = "--video-audio-codec", paramLabel = "CODEC", description = "libvorbis (default for webm), libopus (default for mp4) or aac.")
    String videoAudioCodec;

    @Option(names = "--video-audio-depth", paramLabel = "BITS", description = "Bit depth of the audio track before encoding: 8, 16 (default), 24, 32.")
    Integer videoAudioDepth;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        images(spec);
        audio(spec);
        video(spec);
    }

    private void images(BenchmarkSpec spec) {
        if (imageWidthMean == null && imageWidthStddev == null && imageHeightMean == null && imageHeightStddev == null
                && imageBatchSize == null && imageFormat == null && imageSource == null && imageSourceSampling == null) return;
        ImagesSpec im = spec.dataset().images();
        if (imageWidthMean != null || imageWidthStddev != null) fill(dist(im::getWidth, im::setWidth), imageWidthMean, imageWidthStddev);
        if (imageHeightMean != null || imageHeightStddev != null) fill(dist(im::getHeight, im::setHeight), imageHeightMean, imageHeightStddev);
        if (imageBatchSize != null) im.setBatchSize(imageBatchSize);
        if (imageFormat != null) im.setFormat(imageFormat);
        if (imageSource != null) im.setSource(imageSource);
        if (imageSourceSampling != null) im.setSourceSampling(imageSourceSampling);
    }

    private void audio(BenchmarkSpec spec) {
        if (audioBatchSize == null && audioLengthMean == null && audioLengthStddev == null && audioFormat == null
                && audioDepths == null && audioSampleRates == null && audioChannels == null) return;
        AudioSpec a = spec.dataset().audio();
        if (audioLengthMean != null || audioLengthStddev != null) fill(dist(a::getLength, a::setLength), audioLengthMean, audioLengthStddev);
        if (audioBatchSize != null) a.setBatchSize(audioBatchSize);
        if (audioFormat != null) a.setFormat(audioFormat);
        if (audioDepths != null) a.setDepths(audioDepths);
        if (audioSampleRates != null) a.setSampleRates(audioSampleRates);
        if (audioChannels != null) a.setChannels(audioChannels);
    }

    private void video(BenchmarkSpec spec) {
        boolean track = videoAudioSampleRate != null || videoAudioChannels != null || videoAudioCodec != null || videoAudioDepth != null;
        if (videoBatchSize == null && videoDuration == null && videoFps == null && videoWidth == null && videoHeight == null
                && videoSynthType == null && videoFormat == null && videoCodec == null && !track) return;
        VideoSpec v = spec.dataset().video();
        if (videoBatchSize != null) v.setBatchSize(videoBatchSize);
        if (videoDuration != null) v.setDuration(videoDuration);
        if (videoFps != null) v.setFps(videoFps);
        if (videoWidth != null) v.setWidth(videoWidth);
        if (videoHeight != null) v.setHeight(videoHeight);
        if (videoSynthType != null) v.setSynthType(videoSynthType);
        if (videoFormat != null) v.setFormat(videoFormat);
        if (videoCodec != null) v.setCodec(videoCodec);
        if (!track) return;
        if (v.getAudio() == null) v.setAudio(new VideoAudioSpec());
        VideoAudioSpec t = v.getAudio();
        if (videoAudioSampleRate != null) t.setSampleRate(videoAudioSampleRate);
        if (videoAudioChannels != null) t.setChannels(videoAudioChannels);
        if (videoAudioCodec != null) t.setCodec(videoAudioCodec);
        if (videoAudioDepth != null) t.setDepth(videoAudioDepth);
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset.images", "--image-width-mean");
        m.put("dataset.images.width", "--image-width-mean");
        m.put("dataset.images.width.mean", "--image-width-mean");
        m.put("dataset.images.width.stddev", "--image-width-stddev");
        m.put("dataset.images.height", "--image-height-mean");
        m.put("dataset.images.height.mean", "--image-height-mean");
        m.put("dataset.images.height.stddev", "--image-height-stddev");
        m.put("dataset.images.batchSize", "--image-batch-size");
        m.put("dataset.images.format", "--image-format");
        m.put("dataset.images.source", "--image-source");
        m.put("dataset.images.sourceSampling", "--image-source-sampling");
        m.put("dataset.audio", "--audio-length-mean");
        m.put("dataset.audio.length", "--audio-length-mean");
        m.put("dataset.audio.length.mean", "--audio-length-mean");
        m.put("dataset.audio.length.stddev", "--audio-length-stddev");
        m.put("dataset.audio.batchSize", "--audio-batch-size");
        m.put("dataset.audio.format", "--audio-format");
        m.put("dataset.audio.depths", "--audio-depths");
        m.put("dataset.audio.sampleRates", "--audio-sample-rates");
        m.put("dataset.audio.channels", "--audio-num-channels");
        m.put("dataset.video", "--video-width");
        m.put("dataset.video.batchSize", "--video-batch-size");
        m.put("dataset.video.duration", "--video-duration");
        m.put("dataset.video.fps", "--video-fps");
        m.put("dataset.video.width", "--video-width");
        m.put("dataset.video.height", "--video-height");
        m.put("dataset.video.synthType", "--video-synth-type");
        m.put("dataset.video.format", "--video-format");
        m.put("dataset.video.codec", "--video-codec");
        m.put("dataset.video.audio.sampleRate", "--video-audio-sample-rate");
        m.put("dataset.video.audio.channels", "--video-audio-num-channels");
        m.put("dataset.video.audio.codec", "--video-audio-codec");
        m.put("dataset.video.audio.depth", "--video-audio-depth");
        return m;
    }

    private static DistributionSpec dist(Supplier<DistributionSpec> get, Consumer<DistributionSpec> set) {
        DistributionSpec d = get.get();
        if (d == null) {
            d = new DistributionSpec();
            set.accept(d);
        }
        return d;
    }

    private static void fill(DistributionSpec d, Double mean, Double stddev) {
        if (mean != null) d.setMean(mean);
        if (stddev != null) d.setStddev(stddev);
    }
}
