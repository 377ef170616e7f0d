package dev.redline.api.validate;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PlotNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotRulesTest {
    private static final String BASE = "models: [m]\nendpoint: {url: 'http://localhost:8000'}\n";

    @Test
    void aiperfStylePlotSectionReadsWithSnakeCaseKeys() {
        BenchmarkSpec spec = SpecReader.read(BASE + """
                artifacts: {auto_plot: true, plot_required: true}
                plot:
                  theme: dark
                  visualization:
                    single_run_defaults: [ttft_over_time, ttft_timeline]
                    multi_run_defaults: [ttft_vs_throughput]
                  experiment_classification:
                    baselines: ["*baseline*"]
                    treatments: ["*kvrouter*"]
                    default: baseline
                """, "test.yaml");
        assertEquals(List.of(), SpecValidator.validate(spec));
        assertTrue(spec.getArtifacts().getAutoPlot());
        assertTrue(spec.getArtifacts().getPlotRequired());
        assertEquals("dark", spec.getPlot().resolvedTheme());
        assertEquals(List.of("ttft_over_time", "ttft_timeline"), spec.getPlot().getVisualization().getSingleRunDefaults());
        assertEquals("baseline", spec.getPlot().getExperimentClassification().resolvedDefault());
        assertEquals(PlotNames.GROUP_EXPERIMENT, spec.getPlot().resolvedGroupBy(), "a classification groups by experiment");
    }

    @Test
    void unknownPlotNameIsNamedWithItsPathAndTheClosestName() {
        BenchmarkSpec spec = SpecReader.read(BASE + "plot: {visualization: {multi_run_defaults: [ttft_vs_throughputs]}}\n", "t.yaml");
        List<Violation> v = SpecValidator.validate(spec);
        assertEquals(1, v.size());
        assertEquals("plot.visualization.multiRunDefaults[0]", v.get(0).path());
        assertTrue(v.get(0).message().contains("did you mean 'ttft_vs_throughput'"), v.get(0).message());
    }

    @Test
    void themeGroupingAndDefaultAreChecked() {
        BenchmarkSpec spec = SpecReader.read(BASE + """
                plot: {theme: blue, group_by: gpu, experiment_classification: {default: control}}
                """, "t.yaml");
        List<String> paths = SpecValidator.validate(spec).stream().map(Violation::path).toList();
        assertEquals(List.of("plot.theme", "plot.groupBy", "plot.experimentClassification.default"), paths);
    }
}
