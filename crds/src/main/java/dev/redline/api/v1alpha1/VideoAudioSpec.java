package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** The Gaussian-noise audio track muxed into synthetic videos (AIPerf's --video-audio-* flags). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.codec) || (has(self.channels) && self.channels > 0)",
        message = "an audio codec needs an audio track; set channels to 1 or 2", fieldPath = ".codec")
@ValidationRule(value = "!has(self.depth) || self.depth == 8 || self.depth == 16 || self.depth == 24 || self.depth == 32",
        message = "video audio depth must be 8, 16, 24 or 32", fieldPath = ".depth")
public class VideoAudioSpec {
    @JsonPropertyDescription("Sample rate in Hz, or kHz when at most 1000 (--video-audio-sample-rate). Default 44100.")
    @Min(8)
    @Max(96000)
    private Double sampleRate;

    @JsonPropertyDescription("0 (no track, default), 1 (mono) or 2 (stereo) (--video-audio-num-channels).")
    @Min(0)
    @Max(2)
    private Integer channels;

    @JsonPropertyDescription("libvorbis (default for webm), libopus (default for mp4) or aac (--video-audio-codec).")
    @Pattern("^(?i)(libvorbis|libopus|aac)$")
    private String codec;

    @JsonPropertyDescription("Bit depth of the track before encoding: 8, 16 (default), 24 or 32 (--video-audio-depth).")
    @Min(8)
    @Max(32)
    private Integer depth;

    public Double getSampleRate() { return sampleRate; }
    public void setSampleRate(Double sampleRate) { this.sampleRate = sampleRate; }
    public Integer getChannels() { return channels; }
    public void setChannels(Integer channels) { this.channels = channels; }
    public String getCodec() { return codec; }
    public void setCodec(String codec) { this.codec = codec; }
    public Integer getDepth() { return depth; }
    public void setDepth(Integer depth) { this.depth = depth; }

    public int resolvedChannels() { return channels == null ? 0 : channels; }
    public int resolvedDepth() { return depth == null ? 16 : depth; }

    /** The rate in Hz: values up to 1000 are kHz, as AIPerf reads them. */
    public int resolvedSampleRateHz() {
        double r = sampleRate == null ? 44100 : sampleRate;
        return (int) (r > 1000 ? r : r * 1000);
    }

    public String resolvedCodec(String videoFormat) {
        if (codec != null) return codec.toLowerCase(java.util.Locale.ROOT);
        return "mp4".equals(videoFormat) ? "libopus" : "libvorbis";
    }
}
