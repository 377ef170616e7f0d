package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** What is written where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArtifactsSpec {
    @JsonPropertyDescription("Output directory (--artifact-dir). Default artifacts/<model>-<endpoint>-<load>.")
    private String dir;

    @JsonPropertyDescription("File name prefix of the exports (--profile-export-file). Default profile_export_redline.")
    @Pattern("^[^/]*[^/\\s][^/]*$")
    private String prefix;

    @JsonPropertyDescription("summary, records (default: adds profile_export.jsonl) or raw (adds raw responses).")
    @Pattern("^(summary|records|raw)$")
    private String exportLevel;

    @JsonPropertyDescription("Seconds per time slice; every metric is also computed per slice (--slice-duration).")
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double sliceDuration;

    @JsonPropertyDescription("Plot the results when the run ends: plots/*.png and dashboard.html next to the exports (--auto-plot).")
    private Boolean autoPlot;

    @JsonPropertyDescription("A failed auto-plot fails the run (--plot-required); otherwise it is a warning.")
    private Boolean plotRequired;

    public String getDir() { return dir; }
    public void setDir(String dir) { this.dir = dir; }
    public String getPrefix() { return prefix; }
    public void setPrefix(String prefix) { this.prefix = prefix; }
    public String getExportLevel() { return exportLevel; }
    public void setExportLevel(String exportLevel) { this.exportLevel = exportLevel; }
    public Double getSliceDuration() { return sliceDuration; }
    public void setSliceDuration(Double sliceDuration) { this.sliceDuration = sliceDuration; }

    public Boolean getAutoPlot() { return autoPlot; }
    public void setAutoPlot(Boolean autoPlot) { this.autoPlot = autoPlot; }
    public Boolean getPlotRequired() { return plotRequired; }
    public void setPlotRequired(Boolean plotRequired) { this.plotRequired = plotRequired; }

    public String resolvedPrefix() { return prefix == null || prefix.isBlank() ? "profile_export_redline" : prefix; }
    public String resolvedExportLevel() { return exportLevel == null ? "records" : exportLevel; }
}
