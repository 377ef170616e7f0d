package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/**
 * How {@code redline plot} and the auto-plot after a run draw the results: the YAML's {@code plot:}
 * section (AIPerf's plot envelope: {@code visualization.*_defaults}, {@code experiment_classification}),
 * plus the theme and outputs that AIPerf only takes as flags. Unset fields take the defaults below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotSpec {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    @JsonPropertyDescription("light (default) or dark.")
    @Pattern("^(light|dark)$")
    private String theme;

    @JsonPropertyDescription("Write plots/*.png (default true).")
    private Boolean png;

    @JsonPropertyDescription("Write the self-contained dashboard.html (default true).")
    private Boolean html;

    @JsonPropertyDescription("Which plots to draw per mode (default: every plot the data allows).")
    private PlotVisualization visualization;

    @JsonPropertyDescription("Multi-run series: one per model (default), run_name or experiment_group.")
    @Pattern("^(model|run_name|experiment_group)$")
    private String groupBy;

    @JsonPropertyDescription("Baseline vs treatment by glob on the run directory's name or path; groups runs by experiment_group.")
    private ExperimentClassification experimentClassification;

    @JsonPropertyDescription("Global plot settings (AIPerf's settings: server-metrics downsampling).")
    private PlotSettings settings;

    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public Boolean getPng() { return png; }
    public void setPng(Boolean png) { this.png = png; }
    public Boolean getHtml() { return html; }
    public void setHtml(Boolean html) { this.html = html; }
    public PlotVisualization getVisualization() { return visualization; }
    public void setVisualization(PlotVisualization visualization) { this.visualization = visualization; }
    public String getGroupBy() { return groupBy; }
    public void setGroupBy(String groupBy) { this.groupBy = groupBy; }
    public ExperimentClassification getExperimentClassification() { return experimentClassification; }
    public void setExperimentClassification(ExperimentClassification c) { this.experimentClassification = c; }

    public PlotSettings getSettings() { return settings; }
    public void setSettings(PlotSettings settings) { this.settings = settings; }

    public String resolvedTheme() { return theme == null ? LIGHT : theme; }
    public boolean pngEnabled() { return !Boolean.FALSE.equals(png); }
    public boolean htmlEnabled() { return !Boolean.FALSE.equals(html); }

    /** The group key of the multi-run series: experiment_group whenever a classification is set (AIPerf's rule). */
    public String resolvedGroupBy() {
        if (experimentClassification != null) return PlotNames.GROUP_EXPERIMENT;
        return groupBy == null ? PlotNames.GROUP_MODEL : groupBy;
    }

    public PlotVisualization visualization() {
        if (visualization == null) visualization = new PlotVisualization();
        return visualization;
    }
}
