package dev.redline.runner.dataset.media;

import dev.redline.api.v1alpha1.AudioSpec;
import dev.redline.runner.dataset.SeedStreams;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Seeded audio clips as AIPerf makes them: length drawn per clip (at least 0.01 s), a sample rate and bit depth picked
 * from the lists, Gaussian noise, written as WAV (javax.sound) or MP3 (ffmpeg's LAME encoder), sent as
 * {@code <format>,<base64>}.
 */
public final class AudioSynthesizer {
    /** One clip in wire form and its length. */
    public record Clip(String data, double seconds) { }

    private final AudioSpec spec;
    private final SeedStreams seeds;
    private final Ffmpeg ffmpeg;

    public AudioSynthesizer(AudioSpec spec, SeedStreams seeds) {
        this.spec = spec;
        this.seeds = seeds;
        this.ffmpeg = "wav".equals(spec.resolvedFormat()) ? null : Ffmpeg.locate("--audio-format " + spec.resolvedFormat());
    }

    public List<Clip> batch(long entry) {
        int n = spec.resolvedBatchSize();
        List<Clip> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) out.add(clip(entry * n + b));
        return out;
    }

    Clip clip(long index) {
        double seconds = MediaDraws.atLeast(spec.getLength().resolvedMean(), spec.getLength().resolvedStddev(), 0.01,
                seeds.stream("media.audio.duration", index));
        Random pick = seeds.stream("media.audio.format", index);
        int rateHz = (int) (MediaDraws.pick(spec.resolvedSampleRates(), pick) * 1000);
        int depth = MediaDraws.pick(spec.resolvedDepths(), pick);
        String format = spec.resolvedFormat();
        if ("random".equals(format)) format = pick.nextBoolean() ? "wav" : "mp3";
        int channels = spec.resolvedChannels();
        byte[] pcm = PcmNoise.pcm((int) (seconds * rateHz), channels, depth, seeds.stream("media.audio.data", index));
        byte[] wav = PcmNoise.wav(pcm, rateHz, channels, depth);
        byte[] file = "mp3".equals(format) ? mp3(wav, rateHz) : wav;
        return new Clip(format + "," + Base64.getEncoder().encodeToString(file), seconds);
    }

    private byte[] mp3(byte[] wav, int rateHz) {
        return ffmpeg.encode(List.of("-f", "wav", "-i", "pipe:0", "-codec:a", "libmp3lame", "-ar", Integer.toString(rateHz),
                "-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", "-f", "mp3"),
                Ffmpeg.bytes(wav), "mp3", "an mp3 clip");
    }
}
