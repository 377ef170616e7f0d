package dev.redline.runner.dataset.media;

import dev.redline.api.v1alpha1.VideoAudioSpec;
import dev.redline.api.v1alpha1.VideoSpec;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.SeedStreams;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeded video clips as AIPerf makes them: duration x fps frames drawn in Java and piped raw to ffmpeg, encoded
 * with the asked codec (yuv420p) into a webm or mp4 file (a seekable file, so the container records its duration),
 * with an optional Gaussian-noise audio track, sent as a data URL. Bit-exact flags keep a seed's bytes stable.
 */
public final class VideoSynthesizer {
    private final VideoSpec spec;
    private final SeedStreams seeds;
    private final Ffmpeg ffmpeg;

    public VideoSynthesizer(VideoSpec spec, SeedStreams seeds) {
        this.spec = spec;
        this.seeds = seeds;
        this.ffmpeg = Ffmpeg.locate("video synthesis (--video-width/--video-height)");
    }

    public List<String> batch(long entry) {
        int n = spec.resolvedBatchSize();
        List<String> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) out.add(video(entry * n + b));
        return out;
    }

    String video(long index) {
        int w = spec.getWidth();
        int h = spec.getHeight();
        int fps = spec.resolvedFps();
        int total = (int) (spec.resolvedDuration() * fps);
        if (total < 1) {
            throw new DatasetFormatException("--video-duration: " + spec.resolvedDuration() + " s at " + fps + " fps is no frame; ask for at least 1/fps seconds");
        }
        String format = spec.resolvedFormat();
        Path dir = tempDir();
        try {
            List<String> args = new ArrayList<>(List.of("-f", "rawvideo", "-pix_fmt", "bgr24", "-s", w + "x" + h, "-r", Integer.toString(fps), "-i", "pipe:0"));
            VideoAudioSpec audio = spec.resolvedAudio();
            if (audio.resolvedChannels() > 0) {
                Path wav = dir.resolve("audio.wav");
                write(wav, audioTrack(audio, index));
                args.addAll(List.of("-i", wav.toString()));
            }
            args.addAll(List.of("-c:v", spec.resolvedCodec(), "-pix_fmt", "yuv420p"));
            if (audio.resolvedChannels() > 0) args.addAll(List.of("-c:a", audio.resolvedCodec(format), "-shortest"));
            if ("mp4".equals(format)) args.addAll(List.of("-movflags", "+faststart"));
            args.addAll(List.of("-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1", "-f", format));
            VideoFrames frames = new VideoFrames(spec.resolvedSynthType(), w, h, total, seeds.stream("media.video.noise", index));
            byte[] file = ffmpeg.encode(args, stdin -> feed(stdin, frames, total), format,
                    "a " + w + "x" + h + " " + format + " clip with " + spec.resolvedCodec());
            return "data:video/" + format + ";base64," + Base64.getEncoder().encodeToString(file);
        } finally {
            delete(dir);
        }
    }

    private byte[] audioTrack(VideoAudioSpec audio, long index) {
        int rate = audio.resolvedSampleRateHz();
        int frames = (int) (spec.resolvedDuration() * rate);
        byte[] pcm = PcmNoise.pcm(frames, audio.resolvedChannels(), audio.resolvedDepth(), seeds.stream("media.video.audio", index));
        return PcmNoise.wav(pcm, rate, audio.resolvedChannels(), audio.resolvedDepth());
    }

    private static void feed(OutputStream stdin, VideoFrames frames, int total) {
        try {
            for (int n = 0; n < total; n++) stdin.write(frames.draw(n));
        } catch (IOException ignored) {
            // ffmpeg stopped reading; its exit status and log say why
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("redline-video");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for video encoding", e);
        }
    }

    private static void write(Path p, byte[] data) {
        try {
            Files.write(p, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
