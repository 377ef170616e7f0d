package dev.redline.runner.dataset.media;

import dev.redline.runner.dataset.DatasetFormatException;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * AIPerf's synthetic audio: Gaussian noise N(0, 0.3) clipped to [-1, 1], scaled to the bit depth, as little-endian
 * PCM (8-bit unsigned, as WAV stores it), and written as a WAV file by javax.sound.
 */
final class PcmNoise {
    /** Largest PCM buffer of one clip (the WAV file and its base64 follow it in memory). */
    static final long MAX_BYTES = 512L << 20;

    private PcmNoise() { }

    /** Interleaved PCM bytes of {@code frames} frames. */
    static byte[] pcm(int frames, int channels, int depth, Random rnd) {
        int bytes = depth / 8;
        long size = (long) frames * channels * bytes;
        if (size > MAX_BYTES) {
            throw new DatasetFormatException("--audio-length-mean: a clip of " + frames + " frames x " + channels + " channels x "
                    + depth + " bits is over " + (MAX_BYTES >> 20) + " MiB; ask for shorter clips or a lower sample rate");
        }
        byte[] out = new byte[(int) size];
        long max = (1L << (depth - 1)) - 1;
        int at = 0;
        for (int i = 0, n = frames * channels; i < n; i++) {
            double v = Math.max(-1, Math.min(1, 0.3 * rnd.nextGaussian()));
            if (depth == 8) {
                out[at++] = (byte) (((int) (v * 32767) >> 8) + 128); // as libsndfile turns int16 into unsigned 8-bit
                continue;
            }
            long s = (long) (v * max);
            for (int b = 0; b < bytes; b++) out[at++] = (byte) (s >> (8 * b));
        }
        return out;
    }

    static byte[] wav(byte[] pcm, int sampleRateHz, int channels, int depth) {
        AudioFormat fmt = new AudioFormat(depth == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                sampleRateHz, depth, channels, channels * depth / 8, sampleRateHz, false);
        long frames = pcm.length / fmt.getFrameSize();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), fmt, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + depth + "-bit WAV", e);
        }
        return out.toByteArray();
    }
}
