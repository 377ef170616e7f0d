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
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = SecondsDeserializer.class)
    @Min(value = 0, inclusive = false)
    @Max(86400)
    private Double sliceDuration;

    @JsonPropertyDescription("Show the HTTP trace metrics (http_req_*) in the console table (--show-trace-timing).")
    private Boolean showTraceTiming;

    @JsonPropertyDescription("Add each request's HTTP trace (timestamps of connect, send, first byte, chunks; bytes; headers) to profile_export.jsonl (--export-http-trace).")
    @com.fasterxml.jackson.annotation.JsonAlias("trace")
    private Boolean exportHttpTrace;

    @JsonPropertyDescription("Write outputs.json with each request's generated text (--export-outputs-json).")
    private Boolean exportOutputsJson;

    @JsonPropertyDescription("Files rendered from templates into the artifact directory when the run starts.")
    private java.util.List<UserFileSpec> userFiles;

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

    public Boolean getShowTraceTiming() { return showTraceTiming; }
    public void setShowTraceTiming(Boolean showTraceTiming) { this.showTraceTiming = showTraceTiming; }
    public Boolean getExportHttpTrace() { return exportHttpTrace; }
    public void setExportHttpTrace(Boolean exportHttpTrace) { this.exportHttpTrace = exportHttpTrace; }
    public Boolean getExportOutputsJson() { return exportOutputsJson; }
    public void setExportOutputsJson(Boolean exportOutputsJson) { this.exportOutputsJson = exportOutputsJson; }
    public java.util.List<UserFileSpec> getUserFiles() { return userFiles; }
    public void setUserFiles(java.util.List<UserFileSpec> userFiles) { this.userFiles = userFiles; }
    public Boolean getAutoPlot() { return autoPlot; }
    public void setAutoPlot(Boolean autoPlot) { this.autoPlot = autoPlot; }
    public Boolean getPlotRequired() { return plotRequired; }
    public void setPlotRequired(Boolean plotRequired) { this.plotRequired = plotRequired; }

    public String resolvedPrefix() { return prefix == null || prefix.isBlank() ? "profile_export_redline" : prefix; }
    public String resolvedExportLevel() { return exportLevel == null ? "records" : exportLevel; }
}
