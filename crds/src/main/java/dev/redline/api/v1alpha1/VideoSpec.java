package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Synthetic video clips added to each request (AIPerf's --video-* flags), encoded by ffmpeg. Enabled when width and height are set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.width) == has(self.height)",
        message = "video width and height go together; set both or neither", fieldPath = ".width")
public class VideoSpec {
    public static final String DEFAULT_CODEC = "libvpx-vp9";

    @JsonPropertyDescription("Video clips per request (--video-batch-size). Default 1; 0 disables video.")
    @Min(0)
    @Max(100)
    private Integer batchSize;

    @JsonPropertyDescription("Clip length in seconds (--video-duration). Default 5.")
    @Min(value = 0, inclusive = false)
    @Max(600)
    private Double duration;

    @JsonPropertyDescription("Frames per second (--video-fps). Default 4.")
    @Min(1)
    @Max(240)
    private Integer fps;

    @JsonPropertyDescription("Frame width in pixels (--video-width); set with height to enable video.")
    @Min(1)
    @Max(8192)
    private Integer width;

    @JsonPropertyDescription("Frame height in pixels (--video-height); set with width to enable video.")
    @Min(1)
    @Max(8192)
    private Integer height;

    @JsonPropertyDescription("Frame content: moving_shapes (default), grid_clock or noise (--video-synth-type).")
    @Pattern("^(?i)(moving_shapes|grid_clock|noise)$")
    private String synthType;

    @JsonPropertyDescription("Container: webm (default) or mp4 (--video-format).")
    @Pattern("^(?i)(webm|mp4)$")
    private String format;

    @JsonPropertyDescription("ffmpeg video encoder, e.g. libvpx-vp9 (default), libvpx, libx264 (--video-codec).")
    @Pattern("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    private String codec;

    @JsonPropertyDescription("Embedded noise audio track (--video-audio-*). Off unless channels is 1 or 2.")
    private VideoAudioSpec audio;

    public Integer getBatchSize() { return batchSize; }
    public void setBatchSize(Integer batchSize) { this.batchSize = batchSize; }
    public Double getDuration() { return duration; }
    public void setDuration(Double duration) { this.duration = duration; }
    public Integer getFps() { return fps; }
    public void setFps(Integer fps) { this.fps = fps; }
    public Integer getWidth() { return width; }
    public void setWidth(Integer width) { this.width = width; }
    public Integer getHeight() { return height; }
    public void setHeight(Integer height) { this.height = height; }
    public String getSynthType() { return synthType; }
    public void setSynthType(String synthType) { this.synthType = synthType; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getCodec() { return codec; }
    public void setCodec(String codec) { this.codec = codec; }
    public VideoAudioSpec getAudio() { return audio; }
    public void setAudio(VideoAudioSpec audio) { this.audio = audio; }

    public int resolvedBatchSize() { return batchSize == null ? 1 : batchSize; }
    public double resolvedDuration() { return duration == null ? 5.0 : duration; }
    public int resolvedFps() { return fps == null ? 4 : fps; }
    public String resolvedSynthType() { return synthType == null ? "moving_shapes" : synthType.toLowerCase(java.util.Locale.ROOT); }
    public String resolvedFormat() { return format == null ? "webm" : format.toLowerCase(java.util.Locale.ROOT); }
    public String resolvedCodec() { return codec == null || codec.isBlank() ? DEFAULT_CODEC : codec; }
    public VideoAudioSpec resolvedAudio() { return audio == null ? new VideoAudioSpec() : audio; }

    /** AIPerf's rule: video is sent when the batch size is above 0 and a frame size is given. */
    public boolean enabled() {
        return resolvedBatchSize() > 0 && width != null && height != null;
    }
}
