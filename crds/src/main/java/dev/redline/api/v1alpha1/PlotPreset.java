package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

import java.util.List;

/**
 * A plot defined in the config (AIPerf's {@code plot.visualization.*_plots} entries): its type and what goes on each
 * axis. docs/plots.md says which types Redline draws; the others are read, validated and reported as not drawn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotPreset {
    /** AIPerf 0.13's plot types. */
    public static final List<String> TYPES = List.of("area", "dual_axis", "histogram", "pareto", "percentile_bands",
            "request_timeline", "scatter", "scatter_line", "scatter_with_percentiles", "timeslice", "latency_throughput_uncertainty");

    @JsonPropertyDescription("Plot type (AIPerf's): scatter, scatter_line, pareto, timeslice, area, dual_axis, histogram, percentile_bands, request_timeline, scatter_with_percentiles or latency_throughput_uncertainty.")
    @Pattern("^(area|dual_axis|histogram|pareto|percentile_bands|request_timeline|scatter|scatter_line|scatter_with_percentiles|timeslice|latency_throughput_uncertainty)$")
    private String type;

    @JsonPropertyDescription("What the plot shows (tooltip text in the dashboard).")
    private String description;

    @JsonPropertyDescription("Chart title. Default: the preset's name.")
    private String title;

    @JsonPropertyDescription("X axis: {metric, stat} or one word (request_latency_avg, request_number, timestamp, Timeslice).")
    private PlotAxis x;

    @JsonPropertyDescription("Y axis: {metric, stat} or one word.")
    private PlotAxis y;

    @JsonPropertyDescription("Second y axis (dual_axis plots).")
    private PlotAxis y2;

    @JsonPropertyDescription("X axis label. Default: from the metric (AIPerf's display name and unit).")
    @JsonProperty("xLabel") // Jackson would name the getXLabel property "xlabel"
    private String xLabel;

    @JsonPropertyDescription("Y axis label (the left axis of a dual_axis plot). Default: from the metric.")
    @JsonProperty("yLabel")
    private String yLabel;

    @JsonPropertyDescription("Statistic of the y metric when y names none (timeslice plots).")
    private String stat;

    @JsonPropertyDescription("Where the metrics come from: summary, records, timeslices or server_metrics.")
    private String source;

    @JsonPropertyDescription("Run fields written next to each point (e.g. concurrency).")
    private List<String> labels;

    @JsonPropertyDescription("Run fields that split the points into series (e.g. model). Default: run_name.")
    private List<String> groups;

    @JsonPropertyDescription("Axes fitted to the data: x, y, both or none.")
    @Pattern("^(x|y|both|none)$")
    private String autoscale;

    @JsonPropertyDescription("Confidence level of uncertainty plots, e.g. 0.95.")
    @Min(value = 0, inclusive = false)
    @Max(value = 1, inclusive = false)
    private Double ciLevel;

    @JsonPropertyDescription("Time-slice plots: bars as wide as the run's slice duration.")
    private Boolean useSliceDuration;

    @JsonPropertyDescription("Style of the first trace.")
    private PlotStyle primaryStyle;

    @JsonPropertyDescription("Style of the second trace.")
    private PlotStyle secondaryStyle;

    @JsonPropertyDescription("Extra column shown with each point (AIPerf's supplementary_col).")
    private String supplementaryCol;

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public PlotAxis getX() { return x; }
    public void setX(PlotAxis x) { this.x = x; }
    public PlotAxis getY() { return y; }
    public void setY(PlotAxis y) { this.y = y; }
    public PlotAxis getY2() { return y2; }
    public void setY2(PlotAxis y2) { this.y2 = y2; }
    @JsonProperty("xLabel") public String getXLabel() { return xLabel; }
    @JsonProperty("xLabel") public void setXLabel(String xLabel) { this.xLabel = xLabel; }
    @JsonProperty("yLabel") public String getYLabel() { return yLabel; }
    @JsonProperty("yLabel") public void setYLabel(String yLabel) { this.yLabel = yLabel; }
    public String getStat() { return stat; }
    public void setStat(String stat) { this.stat = stat; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public List<String> getLabels() { return labels; }
    public void setLabels(List<String> labels) { this.labels = labels; }
    public List<String> getGroups() { return groups; }
    public void setGroups(List<String> groups) { this.groups = groups; }
    public String getAutoscale() { return autoscale; }
    public void setAutoscale(String autoscale) { this.autoscale = autoscale; }
    public Double getCiLevel() { return ciLevel; }
    public void setCiLevel(Double ciLevel) { this.ciLevel = ciLevel; }
    public Boolean getUseSliceDuration() { return useSliceDuration; }
    public void setUseSliceDuration(Boolean useSliceDuration) { this.useSliceDuration = useSliceDuration; }
    public PlotStyle getPrimaryStyle() { return primaryStyle; }
    public void setPrimaryStyle(PlotStyle primaryStyle) { this.primaryStyle = primaryStyle; }
    public PlotStyle getSecondaryStyle() { return secondaryStyle; }
    public void setSecondaryStyle(PlotStyle secondaryStyle) { this.secondaryStyle = secondaryStyle; }
    public String getSupplementaryCol() { return supplementaryCol; }
    public void setSupplementaryCol(String supplementaryCol) { this.supplementaryCol = supplementaryCol; }
}
