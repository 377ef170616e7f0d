package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/** AIPerf's {@code plot.visualization}: the plots drawn for one run and for several. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotVisualization {
    @JsonPropertyDescription("Plots for one run (names in docs/plots.md); unset: all whose data exists.")
    private List<String> singleRunDefaults;

    @JsonPropertyDescription("Plots across runs, sweeps and searches (names in docs/plots.md); unset: all whose data exists.")
    private List<String> multiRunDefaults;

    public List<String> getSingleRunDefaults() { return singleRunDefaults; }
    public void setSingleRunDefaults(List<String> singleRunDefaults) { this.singleRunDefaults = singleRunDefaults; }
    public List<String> getMultiRunDefaults() { return multiRunDefaults; }
    public void setMultiRunDefaults(List<String> multiRunDefaults) { this.multiRunDefaults = multiRunDefaults; }
}
