package dev.redline.runner.telemetry;

import dev.redline.runner.telemetry.gpu.EfficiencyInputs;
import dev.redline.runner.telemetry.gpu.GpuEfficiency;
import dev.redline.runner.telemetry.gpu.GpuTelemetryAnalyzer;
import dev.redline.runner.telemetry.gpu.GpuTelemetryExport;
import dev.redline.runner.telemetry.gpu.GpuTelemetrySummary;
import dev.redline.runner.telemetry.gpu.GpuTelemetryTable;
import dev.redline.runner.telemetry.scrape.MissingTargets;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.server.ServerMetricsAnalyzer;
import dev.redline.runner.telemetry.server.ServerMetricsExport;
import dev.redline.runner.telemetry.server.ServerMetricsSummary;
import dev.redline.runner.telemetry.server.ServerMetricsTable;
import dev.redline.runner.telemetry.summary.RunWindow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the telemetry of one run produced: the server metrics summary, the GPU summary, the
 * efficiency metrics once the run totals are known, the export writers and the console tables.
 */
public final class TelemetryResults {
    private final TelemetryConfig config;
    private final RunWindow window;
    private final ServerMetricsSummary server;
    private final GpuTelemetrySummary gpu;
    private final SeriesStore serverStore;

    TelemetryResults(TelemetryConfig config, RunWindow window, SeriesStore serverStore, List<TargetReport> serverReports,
                     SeriesStore gpuStore, List<TargetReport> gpuReports) {
        this.config = config;
        this.window = window;
        this.serverStore = serverStore;
        this.server = config.serverMetrics() && !serverReports.isEmpty()
                ? ServerMetricsAnalyzer.analyze(serverStore, serverReports, window) : null;
        boolean anyGpu = gpuReports.stream().anyMatch(TargetReport::reachable);
        boolean showGpu = config.gpu() == TelemetryConfig.GpuMode.ON
                || (config.gpu() == TelemetryConfig.GpuMode.AUTO && anyGpu);
        this.gpu = showGpu ? GpuTelemetryAnalyzer.analyze(gpuStore, gpuReports, window, config.gpuCustomFields()) : null;
    }

    public RunWindow window() { return window; }

    /** Server metrics summary, or null when server metrics are off. */
    public ServerMetricsSummary server() { return server; }

    /** GPU summary, or null when GPU telemetry is off (or automatic and no exporter answered). */
    public GpuTelemetrySummary gpu() { return gpu; }

    /** AIPerf's GPU efficiency metrics for the run totals; empty without GPU data. */
    public Map<String, GpuEfficiency.Metric> gpuEfficiency(EfficiencyInputs totals) {
        return gpu == null || !gpu.hasData() || totals == null ? Map.of() : GpuEfficiency.compute(gpu, totals);
    }

    /** Writes the server and GPU exports into {@code dir}. @param totals run totals, or null */
    public void writeExports(Path dir, EfficiencyInputs totals) throws IOException {
        writeExports(dir, totals, null);
    }

    /** @param sliceSeconds {@code --slice-duration}: the server metrics' series get their timeslices; null for none */
    public void writeExports(Path dir, EfficiencyInputs totals, Double sliceSeconds) throws IOException {
        if (server != null) ServerMetricsExport.write(server, dir, config.serverFormats(), serverStore, sliceSeconds);
        if (gpu != null) GpuTelemetryExport.write(gpu, totals == null ? null : gpuEfficiency(totals), dir);
    }

    /** The console tables (server headline metrics, then GPUs). @param totals run totals, or null */
    public String consoleTables(EfficiencyInputs totals) {
        StringBuilder sb = new StringBuilder();
        if (server != null) sb.append(ServerMetricsTable.render(server));
        if (gpu != null) {
            sb.append(GpuTelemetryTable.render(gpu, totals == null ? null : gpuEfficiency(totals),
                    config.gpu() == TelemetryConfig.GpuMode.ON));
        }
        return sb.toString();
    }

    /** One line per target that failed (default DCGM ports that never answered are not worth a warning). */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (server != null) addLines(out, MissingTargets.describe(server.endpoints()));
        if (gpu != null && config.gpu() == TelemetryConfig.GpuMode.ON) addLines(out, MissingTargets.describe(gpu.endpoints()));
        return out;
    }

    private static void addLines(List<String> out, String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) out.add(line);
        }
    }
}
