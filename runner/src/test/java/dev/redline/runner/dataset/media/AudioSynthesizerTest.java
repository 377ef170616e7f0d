package dev.redline.runner.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.AudioSpec;
import dev.redline.api.v1alpha1.DistributionSpec;
import dev.redline.runner.dataset.SeedStreams;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioSynthesizerTest {
    static AudioSpec spec(double mean, double sd, String format) {
        AudioSpec s = new AudioSpec();
        s.setLength(new DistributionSpec(mean, sd));
        s.setFormat(format);
        return s;
    }

    static byte[] file(String data, String format) {
        assertTrue(data.startsWith(format + ","), data.substring(0, 10));
        return Base64.getDecoder().decode(data.substring(format.length() + 1));
    }

    @Test
    void thousandWavClipsFollowTheAskedLengthsRatesAndDepthsAndDecodeWithJavaxSound() throws Exception {
        AudioSpec s = spec(0.2, 0.05, "wav");
        s.setSampleRates(List.of(8.0, 16.0));
        s.setDepths(List.of(8, 16, 24, 32));
        s.setChannels(2);
        AudioSynthesizer synth = new AudioSynthesizer(s, new SeedStreams(11));
        double[] lengths = new double[1000];
        Set<Float> rates = new HashSet<>();
        Set<Integer> depths = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            AudioSynthesizer.Clip clip = synth.clip(i);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(file(clip.data(), "wav")))) {
                AudioFormat f = in.getFormat();
                assertEquals(2, f.getChannels());
                assertEquals((long) (clip.seconds() * f.getSampleRate()), in.getFrameLength(), "frames of clip " + i);
                lengths[i] = in.getFrameLength() / f.getSampleRate();
                rates.add(f.getSampleRate());
                depths.add(f.getSampleSizeInBits());
                assertEquals(f.getSampleSizeInBits() == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED, f.getEncoding());
            }
        }
        MediaAssertions.followsNormal(lengths, 0.2, 0.05, "audio length");
        assertEquals(Set.of(8000f, 16000f), rates);
        assertEquals(Set.of(8, 16, 24, 32), depths);
    }

    @Test
    void samplesAreGaussianNoiseAtThirtyPercentOfFullScale() throws Exception {
        AudioSpec s = spec(1, 0, "wav");
        AudioSynthesizer.Clip clip = new AudioSynthesizer(s, new SeedStreams(3)).clip(0);
        assertEquals(1.0, clip.seconds());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(file(clip.data(), "wav")))) {
            assertEquals(16000f, in.getFormat().getSampleRate(), "default 16 kHz");
            assertEquals(16, in.getFormat().getSampleSizeInBits(), "default 16-bit");
            assertEquals(1, in.getFormat().getChannels(), "default mono");
            byte[] pcm = in.readAllBytes();
            SummaryStatistics st = new SummaryStatistics();
            for (int i = 0; i < pcm.length; i += 2) st.addValue((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)) / 32767.0);
            assertEquals(16000, st.getN());
            assertEquals(0, st.getMean(), 0.01);
            assertEquals(0.3, st.getStandardDeviation(), 0.01);
        }
    }

    @Test
    void mp3ClipsDecodeWithFfprobe() throws Exception {
        Ffprobe.assumeAvailable();
        AudioSpec s = spec(1.5, 0.3, "mp3");
        s.setSampleRates(List.of(16.0, 44.1));
        AudioSynthesizer synth = new AudioSynthesizer(s, new SeedStreams(5));
        for (int i = 0; i < 4; i++) {
            AudioSynthesizer.Clip clip = synth.clip(i);
            JsonNode probe = Ffprobe.probe(file(clip.data(), "mp3"), "mp3");
            JsonNode stream = probe.get("streams").get(0);
            assertEquals("mp3", stream.get("codec_name").asText());
            assertTrue(Set.of("16000", "44100").contains(stream.get("sample_rate").asText()), stream.toString());
            double duration = probe.get("format").get("duration").asDouble();
            // an mp3 ends on a whole frame and carries the encoder's delay: up to ~0.15 s more at 16 kHz, never less
            assertTrue(duration >= clip.seconds() && duration < clip.seconds() + 0.15, "mp3 of " + clip.seconds() + " s lasts " + duration + " s");
        }
        assertEquals(synth.clip(2), new AudioSynthesizer(s, new SeedStreams(5)).clip(2), "same seed, same mp3 bytes");
    }

    @Test
    void randomFormatMixesWavAndMp3() {
        Ffprobe.assumeAvailable();
        AudioSynthesizer synth = new AudioSynthesizer(spec(0.1, 0, "random"), new SeedStreams(9));
        Set<String> formats = new HashSet<>();
        for (int i = 0; i < 20; i++) formats.add(synth.clip(i).data().substring(0, 3));
        assertEquals(Set.of("wav", "mp3"), formats);
    }
}
