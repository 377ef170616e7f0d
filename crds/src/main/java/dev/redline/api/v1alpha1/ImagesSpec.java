package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Synthetic images added to each request (AIPerf's --image-* flags). Enabled when width and height means are above 0. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.width) || !has(self.width.mean) || self.width.mean <= " + ImagesSpec.MAX_PIXELS,
        message = "image width mean must be at most " + ImagesSpec.MAX_PIXELS + " px", fieldPath = ".width")
@ValidationRule(value = "!has(self.height) || !has(self.height.mean) || self.height.mean <= " + ImagesSpec.MAX_PIXELS,
        message = "image height mean must be at most " + ImagesSpec.MAX_PIXELS + " px", fieldPath = ".height")
public class ImagesSpec {
    /** Largest mean side in pixels: a noise PNG of 8192x8192 is already about 200 MB. */
    public static final int MAX_PIXELS = 8192;
    public static final String NOISE = "noise";
    /** Redline's built-in set of four source images (AIPerf's `assets`: a small bundled set, resized). */
    public static final String ASSETS = "assets";

    @JsonPropertyDescription("Images per request (--image-batch-size). Default 1; 0 disables images.")
    @Min(0)
    @Max(1000)
    private Integer batchSize;

    @JsonPropertyDescription("Image width in pixels, drawn per image (--image-width-mean, --image-width-stddev). Mean 0 (default) disables images.")
    private DistributionSpec width;

    @JsonPropertyDescription("Image height in pixels, drawn per image (--image-height-mean, --image-height-stddev). Mean 0 (default) disables images.")
    private DistributionSpec height;

    @JsonPropertyDescription("png (default), jpeg, or random (a seeded choice of the two per image) (--image-format).")
    @Pattern("^(?i)(png|jpeg|random)$")
    private String format;

    @JsonPropertyDescription("noise (default: seeded random pixels, each image unique), assets (Redline's four built-in source images) or a directory of images, resized to the drawn size (--image-source).")
    private String source;

    @JsonPropertyDescription("How images of assets or a directory source are picked: random-with-replacement (default), shuffle-cycle or sequential-cycle (--image-source-sampling).")
    @Pattern("^(?i)(random-with-replacement|shuffle-cycle|sequential-cycle)$")
    private String sourceSampling;

    public Integer getBatchSize() { return batchSize; }
    public void setBatchSize(Integer batchSize) { this.batchSize = batchSize; }
    public DistributionSpec getWidth() { return width; }
    public void setWidth(DistributionSpec width) { this.width = width; }
    public DistributionSpec getHeight() { return height; }
    public void setHeight(DistributionSpec height) { this.height = height; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getSourceSampling() { return sourceSampling; }
    public void setSourceSampling(String sourceSampling) { this.sourceSampling = sourceSampling; }

    public int resolvedBatchSize() { return batchSize == null ? 1 : batchSize; }
    public String resolvedFormat() { return format == null ? "png" : format.toLowerCase(java.util.Locale.ROOT); }
    public String resolvedSource() { return source == null || source.isBlank() ? NOISE : source; }
    public String resolvedSourceSampling() {
        return sourceSampling == null ? "random-with-replacement" : sourceSampling.toLowerCase(java.util.Locale.ROOT);
    }

    /** AIPerf's rule: images are sent when the batch size and both mean sizes are above 0. */
    public boolean enabled() {
        return resolvedBatchSize() > 0 && width != null && width.resolvedMean() > 0 && height != null && height.resolvedMean() > 0;
    }
}
