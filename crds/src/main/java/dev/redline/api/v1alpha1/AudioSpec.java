package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.List;

/** Synthetic audio (Gaussian noise) added to each request (AIPerf's --audio-* flags). Enabled when the length mean is above 0. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.length) || !has(self.length.mean) || self.length.mean <= " + AudioSpec.MAX_SECONDS,
        message = "audio length mean must be at most " + AudioSpec.MAX_SECONDS + " s", fieldPath = ".length")
public class AudioSpec {
    public static final int MAX_SECONDS = 3600;
    public static final List<Integer> DEPTHS = List.of(8, 16, 24, 32);

    @JsonPropertyDescription("Audio clips per request (--audio-batch-size). Default 1; 0 disables audio.")
    @Min(0)
    @Max(1000)
    private Integer batchSize;

    @JsonPropertyDescription("Clip length in seconds, drawn per clip and at least 0.01 (--audio-length-mean, --audio-length-stddev). Mean 0 (default) disables audio.")
    private DistributionSpec length;

    @JsonPropertyDescription("wav (default), mp3 (encoded by ffmpeg on PATH) or random (a seeded choice per clip) (--audio-format).")
    @Pattern("^(?i)(wav|mp3|random)$")
    private String format;

    @JsonPropertyDescription("Sample rates in kHz, one picked per clip (--audio-sample-rates). Default [16].")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @Size(min = 1, max = 32)
    @ValidationRule(value = "self.all(r, r > 0.0 && r <= 384.0)", message = "audio sample rates must be above 0 and at most 384 kHz")
    private List<Double> sampleRates;

    @JsonPropertyDescription("Bit depths, one picked per clip: 8, 16, 24 or 32 (--audio-depths). Default [16].")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @Size(min = 1, max = 4)
    @ValidationRule(value = "self.all(d, d == 8 || d == 16 || d == 24 || d == 32)", message = "audio depths must be 8, 16, 24 or 32")
    private List<Integer> depths;

    @JsonPropertyDescription("1 (mono, default) or 2 (stereo) (--audio-num-channels).")
    @Min(1)
    @Max(2)
    private Integer channels;

    public Integer getBatchSize() { return batchSize; }
    public void setBatchSize(Integer batchSize) { this.batchSize = batchSize; }
    public DistributionSpec getLength() { return length; }
    public void setLength(DistributionSpec length) { this.length = length; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public List<Double> getSampleRates() { return sampleRates; }
    public void setSampleRates(List<Double> sampleRates) { this.sampleRates = sampleRates; }
    public List<Integer> getDepths() { return depths; }
    public void setDepths(List<Integer> depths) { this.depths = depths; }
    public Integer getChannels() { return channels; }
    public void setChannels(Integer channels) { this.channels = channels; }

    public int resolvedBatchSize() { return batchSize == null ? 1 : batchSize; }
    public String resolvedFormat() { return format == null ? "wav" : format.toLowerCase(java.util.Locale.ROOT); }
    public List<Double> resolvedSampleRates() { return sampleRates == null || sampleRates.isEmpty() ? List.of(16.0) : sampleRates; }
    public List<Integer> resolvedDepths() { return depths == null || depths.isEmpty() ? List.of(16) : depths; }
    public int resolvedChannels() { return channels == null ? 1 : channels; }

    /** AIPerf's rule: audio is sent when the batch size and the mean length are above 0. */
    public boolean enabled() {
        return resolvedBatchSize() > 0 && length != null && length.resolvedMean() > 0;
    }
}
