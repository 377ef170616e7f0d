package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.ArtifactsSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where results are written. */
public class OutputOptions implements SpecOptions {
    @Option(names = {"--artifact-dir", "--output-artifact-dir", "--output-dir"}, paramLabel = "DIR",
            description = "Output directory. Default artifacts/<model>-<endpoint>-<load>.")
    String artifactDir;

    @Option(names = {"--profile-export-file", "--profile-export-prefix"}, paramLabel = "PREFIX",
            description = "File name prefix of the summary exports. Default profile_export_redline.")
    String prefix;

    @Option(names = {"--export-level", "--profile-export-level"}, paramLabel = "summary|records|raw",
            description = "records (default) adds profile_export.jsonl, one line per request; summary writes only the summary.")
    String exportLevel;

    @Option(names = "--slice-duration", paramLabel = "SECONDS",
            description = "Also compute every metric per wall-clock window of this many seconds (profile_export_redline_timeslices.json/.csv).")
    Double sliceDuration;

    @Option(names = "--show-trace-timing", description = "Show the HTTP trace metrics (http_req_*) in the console table.")
    Boolean showTraceTiming;

    @Option(names = "--export-http-trace",
            description = "Add each request's HTTP trace (connect, send, first byte, chunk times; bytes; headers) to profile_export.jsonl as trace_data.")
    Boolean exportHttpTrace;

    @Option(names = "--export-outputs-json", description = "Write outputs.json with every request's generated text.")
    Boolean exportOutputsJson;

    @Option(names = {"--auto-plot", "--generate-plots"}, negatable = true,
            description = "After the run, write plots/*.png and dashboard.html next to the exports (GenAI-Perf: --generate-plots); --no-auto-plot turns a file's artifacts.autoPlot off.")
    Boolean autoPlot;

    @Option(names = "--plot-required", description = "A failed auto-plot fails the run (exit 1) instead of a warning.")
    Boolean plotRequired;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        ArtifactsSpec a = spec.artifacts();
        if (artifactDir != null) a.setDir(artifactDir);
        if (prefix != null) a.setPrefix(prefix);
        if (exportLevel != null) a.setExportLevel(exportLevel);
        if (sliceDuration != null) a.setSliceDuration(sliceDuration);
        if (showTraceTiming != null) a.setShowTraceTiming(showTraceTiming);
        if (exportHttpTrace != null) a.setExportHttpTrace(exportHttpTrace);
        if (exportOutputsJson != null) a.setExportOutputsJson(exportOutputsJson);
        if (autoPlot != null) a.setAutoPlot(autoPlot);
        if (plotRequired != null) a.setPlotRequired(plotRequired);
        if (spec.getArtifacts() != null && a.getDir() == null && a.getPrefix() == null && a.getExportLevel() == null
                && a.getSliceDuration() == null && a.getShowTraceTiming() == null && a.getExportHttpTrace() == null
                && a.getExportOutputsJson() == null && a.getUserFiles() == null && a.getAutoPlot() == null
                && a.getPlotRequired() == null) {
            spec.setArtifacts(null); // nothing given: keep the spec minimal
        }
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("artifacts.dir", "--artifact-dir");
        m.put("artifacts.prefix", "--profile-export-file");
        m.put("artifacts.exportLevel", "--export-level");
        m.put("artifacts.sliceDuration", "--slice-duration");
        m.put("artifacts.showTraceTiming", "--show-trace-timing");
        m.put("artifacts.exportHttpTrace", "--export-http-trace");
        m.put("artifacts.exportOutputsJson", "--export-outputs-json");
        m.put("artifacts.autoPlot", "--auto-plot");
        m.put("artifacts.plotRequired", "--plot-required");
        return m;
    }
}
