package dev.redline.runner.dataset.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.VideoAudioSpec;
import dev.redline.api.v1alpha1.VideoSpec;
import dev.redline.runner.dataset.DatasetFormatException;
import dev.redline.runner.dataset.SeedStreams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoSynthesizerTest {
    static VideoSpec spec(String type, String format, String codec) {
        VideoSpec v = new VideoSpec();
        v.setWidth(64);
        v.setHeight(48);
        v.setDuration(2.0);
        v.setFps(5);
        v.setSynthType(type);
        v.setFormat(format);
        v.setCodec(codec);
        return v;
    }

    static JsonNode video(JsonNode probe) {
        for (JsonNode s : probe.get("streams")) if ("video".equals(s.get("codec_type").asText())) return s;
        throw new AssertionError("no video stream in " + probe);
    }

    @Test
    void everySynthTypeEncodesToTheAskedSizeFramesAndCodec() throws Exception {
        Ffprobe.assumeAvailable();
        for (String type : new String[]{"moving_shapes", "grid_clock", "noise"}) {
            VideoSynthesizer synth = new VideoSynthesizer(spec(type, "webm", null), new SeedStreams(1));
            String url = synth.video(0);
            JsonNode probe = Ffprobe.probe(MediaAssertions.dataUrl(url, "video/webm"), "webm");
            JsonNode v = video(probe);
            assertEquals("vp9", v.get("codec_name").asText(), type);
            assertEquals(64, v.get("width").asInt());
            assertEquals(48, v.get("height").asInt());
            assertEquals(10, v.get("nb_read_frames").asInt(), type + ": duration x fps frames");
            assertEquals(2.0, probe.get("format").get("duration").asDouble(), 0.25, type + ": the container records its duration");
            assertEquals(url, new VideoSynthesizer(spec(type, "webm", null), new SeedStreams(1)).video(0), type + ": same seed, same bytes");
        }
        VideoSynthesizer noise = new VideoSynthesizer(spec("noise", "webm", null), new SeedStreams(1));
        assertNotEquals(noise.video(0), noise.video(1), "noise clips differ");
    }

    @Test
    void mp4WithAnEmbeddedAudioTrack() throws Exception {
        Ffprobe.assumeAvailable();
        VideoSpec s = spec("moving_shapes", "mp4", "libx264");
        VideoAudioSpec a = new VideoAudioSpec();
        a.setChannels(2);
        a.setSampleRate(48.0);
        s.setAudio(a);
        JsonNode probe = Ffprobe.probe(MediaAssertions.dataUrl(new VideoSynthesizer(s, new SeedStreams(2)).video(0), "video/mp4"), "mp4");
        assertEquals("h264", video(probe).get("codec_name").asText());
        JsonNode audio = null;
        for (JsonNode st : probe.get("streams")) if ("audio".equals(st.get("codec_type").asText())) audio = st;
        assertTrue(audio != null, "an audio stream is muxed in: " + probe);
        assertEquals("opus", audio.get("codec_name").asText(), "libopus is the mp4 default");
        assertEquals(2, audio.get("channels").asInt());
    }

    @Test
    void anEncoderFfmpegLacksIsAOneLineError() {
        Ffprobe.assumeAvailable();
        VideoSynthesizer synth = new VideoSynthesizer(spec("noise", "webm", "no_such_codec"), new SeedStreams(1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> synth.video(0));
        assertTrue(e.getMessage().contains("no_such_codec") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
