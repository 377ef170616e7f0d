package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** AIPerf's trace style of a plot preset (its Plotly settings); read and validated, see docs/plots.md for what is drawn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotStyle {
    @JsonPropertyDescription("lines, markers or lines+markers.")
    @io.fabric8.generator.annotation.Pattern("^(lines|markers|lines\\+markers)$")
    private String mode;

    @JsonPropertyDescription("linear, hv (steps) or spline.")
    private String lineShape;

    @JsonPropertyDescription("tozeroy or tonexty.")
    private String fill;

    @JsonPropertyDescription("Line width in pixels.")
    @Min(0)
    @Max(100)
    private Integer lineWidth;

    @JsonPropertyDescription("Marker size in pixels.")
    @Min(0)
    @Max(100)
    private Integer markerSize;

    @JsonPropertyDescription("Marker opacity, 0 to 1.")
    @Min(0)
    @Max(1)
    private Double markerOpacity;

    @JsonPropertyDescription("Fill opacity, 0 to 1.")
    @Min(0)
    @Max(1)
    private Double fillOpacity;

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getLineShape() { return lineShape; }
    public void setLineShape(String lineShape) { this.lineShape = lineShape; }
    public String getFill() { return fill; }
    public void setFill(String fill) { this.fill = fill; }
    public Integer getLineWidth() { return lineWidth; }
    public void setLineWidth(Integer lineWidth) { this.lineWidth = lineWidth; }
    public Integer getMarkerSize() { return markerSize; }
    public void setMarkerSize(Integer markerSize) { this.markerSize = markerSize; }
    public Double getMarkerOpacity() { return markerOpacity; }
    public void setMarkerOpacity(Double markerOpacity) { this.markerOpacity = markerOpacity; }
    public Double getFillOpacity() { return fillOpacity; }
    public void setFillOpacity(Double fillOpacity) { this.fillOpacity = fillOpacity; }
}
