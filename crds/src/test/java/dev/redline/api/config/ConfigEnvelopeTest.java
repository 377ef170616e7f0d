package dev.redline.api.config;

import dev.redline.api.v1alpha1.SweepType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigEnvelopeTest {
    @Test
    void bareBenchmarkFilesStillRead() throws IOException {
        Path samples = Path.of(System.getProperty("redline.repo.root", "..")).resolve("config/samples");
        List<Path> profiles;
        try (Stream<Path> files = Files.list(samples)) {
            profiles = files.filter(p -> p.getFileName().toString().startsWith("profile-")).toList();
        }
        assertTrue(!profiles.isEmpty());
        for (Path p : profiles) {
            ConfigEnvelope env = ConfigEnvelope.read(p);
            var plan = dev.redline.plan.ExperimentPlan.of(env); // every sample plans without error
            boolean envelope = ConfigEnvelope.ENVELOPE_KEYS.stream().anyMatch(SpecReader.tree(SpecReader.text(p), p.toString())::has);
            if (!envelope) assertEquals(SpecReader.read(SpecReader.text(p), p.toString()).getModels(), env.getBenchmark().getModels(), p.toString());
            if (p.getFileName().toString().contains("sweep")) assertTrue(plan.variations().size() > 1, p + " is a sweep");
        }
        ConfigEnvelope search = ConfigEnvelope.read(samples.resolve("config-search.yaml"));
        assertNull(search.getSweep(), "an adaptive_search sweep is bound as the search, not a SweepSpec");
        dev.redline.plan.search.SearchSpecs.resolve(search.getSearch(), true, dev.redline.plan.search.SearchFieldNames.under("sweep"));
        ConfigEnvelope bare = ConfigEnvelope.read("models: [m]\nrandom_seed: 3\n", "bare.yaml");
        assertNull(bare.getSweep());
        assertEquals(3L, bare.resolvedSeed());
    }

    @Test
    void envelopeSectionsInEitherCase() {
        ConfigEnvelope env = ConfigEnvelope.read("""
                schemaVersion: "2.0"
                benchmark: {models: [m]}
                sweep: {type: zip, parameters: {isl: [1, 2], osl: [3, 4]}, cooldown_seconds: 2}
                multiRun: {numRuns: 3, convergence: {metric: time_to_first_token, mode: cv}}
                no_sweep_table: true
                """, "e.yaml");
        assertEquals(SweepType.ZIP, env.getSweep().getType());
        assertEquals(2.0, env.getSweep().resolvedCooldownSeconds());
        assertEquals(3, env.getMultiRun().resolvedNumRuns());
        assertEquals("cv", env.getMultiRun().getConvergence().resolvedMode());
        assertTrue(env.getNoSweepTable());
    }

    @Test
    void thePlotSectionIsTheBenchmarksPlot() {
        ConfigEnvelope env = ConfigEnvelope.read("""
                schemaVersion: "2.0"
                benchmark: {models: [m]}
                plot:
                  visualization:
                    multi_run_defaults: [pareto_throughput_vs_latency, ttft_vs_throughput]
                    multi_run_plots:
                      pareto_throughput_vs_latency:
                        type: pareto
                        x: {metric: request_latency, stat: avg}
                        y: output_token_throughput_avg
                        labels: [concurrency]
                        primary_style: {mode: markers, marker_size: 10}
                    single_run_plots:
                      timeslices_ttft: {type: timeslice, x: Timeslice, y: Time to First Token, stat: avg, source: timeslices, use_slice_duration: true}
                  settings: {server_metrics_downsampling: {enabled: true, window_size_seconds: 5.0, aggregation_method: median}}
                  experiment_classification: {baselines: ["*base*"], group_extraction_pattern: '^(baseline|treatment_\\d+)'}
                """, "p.yaml");
        var plot = env.benchmark().getPlot();
        var pareto = plot.getVisualization().getMultiRunPlots().get("pareto_throughput_vs_latency");
        assertEquals("pareto", pareto.getType());
        assertEquals("request_latency", pareto.getX().getMetric());
        assertEquals("output_token_throughput", pareto.getY().getMetric(), "AIPerf's one-word metric_stat form");
        assertEquals("avg", pareto.getY().getStat());
        assertEquals(10, pareto.getPrimaryStyle().getMarkerSize());
        assertEquals("Time to First Token", plot.getVisualization().getSingleRunPlots().get("timeslices_ttft").getY().getMetric());
        assertEquals("median", plot.getSettings().getServerMetricsDownsampling().resolvedAggregation());
        assertEquals("^(baseline|treatment_\\d+)", plot.getExperimentClassification().getGroupExtractionPattern());
        assertTrue(env.benchmark().getArtifacts().getAutoPlot(), "a plot section turns auto-plot on (AIPerf)");
        assertEquals(List.of(), dev.redline.api.validate.SpecValidator.validate(env.benchmark()));

        ConfigEnvelope off = ConfigEnvelope.read("benchmark: {models: [m], artifacts: {auto_plot: false}}\nplot: {theme: dark}\n", "p.yaml");
        assertEquals(Boolean.FALSE, off.benchmark().getArtifacts().getAutoPlot(), "unless the file turns it off");
        assertEquals("dark", off.benchmark().getPlot().getTheme());
        ConfigEnvelope bare = ConfigEnvelope.read("models: [m]\nplot: {theme: dark}\n", "bare.yaml");
        assertEquals("dark", bare.benchmark().getPlot().getTheme(), "a bare spec's plot is its own");
        assertNull(bare.benchmark().getArtifacts(), "and asks for nothing");
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read(
                "benchmark: {models: [m], plot: {theme: dark}}\nplot: {theme: light}\n", "p.yaml")).getMessage()
                .contains("plot: given at the top and under benchmark; give it once"));
    }

    @Test
    void plotDefaultsNameBuiltInOrDefinedPlots() {
        var v = dev.redline.api.validate.SpecValidator.validate(ConfigEnvelope.read("""
                benchmark: {models: [m]}
                plot:
                  visualization:
                    multi_run_defaults: [pareto_throughput_vs_latncy]
                    multi_run_plots:
                      pareto_throughput_vs_latency: {type: pareto, x: request_latency_avg, y: request_throughput_avg}
                      no_type: {x: request_latency_avg}
                      no_axes: {type: scatter}
                """, "p.yaml").benchmark());
        assertEquals(List.of("plot.visualization.multiRunPlots.no_type.type", "plot.visualization.multiRunPlots.no_axes",
                "plot.visualization.multiRunDefaults[0]"), v.stream().map(dev.redline.api.validate.Violation::path).toList(), v.toString());
        assertTrue(v.get(2).message().contains("did you mean 'pareto_throughput_vs_latency'"), v.get(2).message());
        var badType = dev.redline.api.validate.SpecValidator.validate(ConfigEnvelope.read(
                "benchmark: {models: [m]}\nplot: {visualization: {single_run_plots: {a: {type: pie, y: request_latency}}}}\n", "p.yaml").benchmark());
        assertEquals(1, badType.size(), badType.toString());
        assertTrue(badType.get(0).message().contains("pareto") && badType.get(0).message().contains("timeslice"), badType.get(0).message());
    }

    @Test
    void badEnvelopesSayWhatToFix() {
        assertEquals("e.yaml: multi_runs: unknown key (did you mean 'multiRun'?); known keys: schemaVersion, randomSeed, benchmark, sweep, multiRun, noSweepTable, variables, plot",
                assertThrows(SpecException.class, () -> ConfigEnvelope.read("benchmark: {models: [m]}\nmulti_runs: {num_runs: 2}\n", "e.yaml")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("sweep: {parameters: {concurrency: [1]}}\n", "e.yaml"))
                .getMessage().startsWith("e.yaml: benchmark: missing;"));
        assertEquals("e.yaml: schema_version '1.0' is not supported; use \"2.0\"",
                assertThrows(SpecException.class, () -> ConfigEnvelope.read("schema_version: '1.0'\nbenchmark: {models: [m]}\n", "e.yaml")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("random_seed: 1\nbenchmark: {models: [m], random_seed: 2}\n", "e.yaml"))
                .getMessage().contains("differ; give the seed once"));
        assertTrue(assertThrows(SpecException.class, () -> ConfigEnvelope.read("benchmark: {models: [m]}\nsweep: {type: spiral}\n", "e.yaml"))
                .getMessage().contains("'spiral' is not allowed; use one of grid, zip, scenarios, sobol, latin_hypercube"));
    }
}
