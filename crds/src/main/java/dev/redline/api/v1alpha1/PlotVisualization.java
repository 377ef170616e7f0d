package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;
import java.util.Map;

/** AIPerf's {@code plot.visualization}: the plots drawn for one run and for several. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotVisualization {
    @JsonPropertyDescription("Plots for one run: Redline's names (docs/plots.md) or those defined in singleRunPlots; unset: all whose data exists.")
    private List<String> singleRunDefaults;

    @JsonPropertyDescription("Plots across runs, sweeps and searches: Redline's names (docs/plots.md) or those defined in multiRunPlots; unset: all whose data exists.")
    private List<String> multiRunDefaults;

    @JsonPropertyDescription("Plots defined here by name (AIPerf's single_run_plots); a default may name one of them.")
    private Map<String, PlotPreset> singleRunPlots;

    @JsonPropertyDescription("Plots across runs defined here by name (AIPerf's multi_run_plots); a default may name one of them.")
    private Map<String, PlotPreset> multiRunPlots;

    public List<String> getSingleRunDefaults() { return singleRunDefaults; }
    public void setSingleRunDefaults(List<String> singleRunDefaults) { this.singleRunDefaults = singleRunDefaults; }
    public List<String> getMultiRunDefaults() { return multiRunDefaults; }
    public void setMultiRunDefaults(List<String> multiRunDefaults) { this.multiRunDefaults = multiRunDefaults; }
    public Map<String, PlotPreset> getSingleRunPlots() { return singleRunPlots; }
    public void setSingleRunPlots(Map<String, PlotPreset> singleRunPlots) { this.singleRunPlots = singleRunPlots; }
    public Map<String, PlotPreset> getMultiRunPlots() { return multiRunPlots; }
    public void setMultiRunPlots(Map<String, PlotPreset> multiRunPlots) { this.multiRunPlots = multiRunPlots; }
}
