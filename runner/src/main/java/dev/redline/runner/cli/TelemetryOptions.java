package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.TelemetrySpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server metrics and GPU telemetry flags, AIPerf-compatible: {@code --server-metrics [URL...]},
 * {@code --no-server-metrics}, {@code --gpu-telemetry [URL...]}, {@code --no-gpu-telemetry}, plus
 * Redline's {@code --server-metrics-url}, intervals and scrape timeout. Fields are boxed: null = not given.
 */
public final class TelemetryOptions implements SpecOptions {
    /** AIPerf's display keyword for --gpu-telemetry; Redline always prints the GPU table, so it is accepted and ignored. */
    private static final String DASHBOARD = "dashboard";
    /** AIPerf's local GPU collectors, given as a --gpu-telemetry value. */
    private static final List<String> LOCAL_COLLECTORS = List.of("pynvml", "amdsmi");

    @Option(names = "--server-metrics", arity = "0..*", paramLabel = "URL",
            description = "Scrape the server's Prometheus /metrics (on by default); extra URLs may follow.")
    List<String> serverMetrics;

    @Option(names = "--no-server-metrics", description = "Do not scrape server metrics.")
    Boolean noServerMetrics;

    @Option(names = "--server-metrics-formats", arity = "1..*", split = ",", paramLabel = "FORMAT",
            description = "Server metrics files to write: json, csv (both by default) and jsonl (every scrape).")
    List<String> serverMetricsFormats;

    @Option(names = "--server-metrics-url", split = ",", paramLabel = "URL",
            description = "Extra Prometheus endpoint to scrape with the server metrics (repeatable, comma-separated).")
    List<String> serverMetricsUrls;

    @Option(names = "--server-metrics-interval", paramLabel = "SECONDS",
            description = "Seconds between server metrics scrapes (default 1).")
    Double serverMetricsInterval;

    @Option(names = "--gpu-telemetry", arity = "0..*", paramLabel = "URL|pynvml|amdsmi|FILE.csv",
            description = "Report GPU telemetry: from DCGM exporters (default URLs localhost:9400 and localhost:9401; more may follow), or from this machine's GPUs with pynvml (NVIDIA, through nvidia-smi) or amdsmi (AMD, through amd-smi); a FILE.csv (DCGM's counters format) names extra DCGM fields to report.")
    List<String> gpuTelemetry;

    @Option(names = "--no-gpu-telemetry", description = "Do not scrape DCGM exporters.")
    Boolean noGpuTelemetry;

    @Option(names = "--gpu-telemetry-interval", paramLabel = "SECONDS",
            description = "Seconds between DCGM exporter scrapes (default 1).")
    Double gpuTelemetryInterval;

    @Option(names = "--telemetry-scrape-timeout", paramLabel = "SECONDS",
            description = "Timeout of one telemetry scrape (default 2).")
    Double scrapeTimeout;

    @Option(names = "--dcgm-pod-selector", paramLabel = "SELECTOR",
            description = "In a cluster: label selector of the DCGM exporter pods on the model server's nodes.")
    String dcgmPodSelector;

    @Override
    public void applyTo(BenchmarkSpec spec) {
        if (nothingGiven()) return;
        TelemetrySpec t = spec.telemetry();
        List<String> extra = new ArrayList<>();
        if (serverMetrics != null) {
            t.setServerMetrics(true);
            extra.addAll(serverMetrics);
        }
        if (serverMetricsUrls != null) extra.addAll(serverMetricsUrls);
        if (!extra.isEmpty()) t.setServerMetricsUrls(merge(t.getServerMetricsUrls(), extra));
        if (Boolean.TRUE.equals(noServerMetrics)) t.setServerMetrics(false);
        if (serverMetricsInterval != null) t.setServerMetricsInterval(serverMetricsInterval);
        if (serverMetricsFormats != null) {
            t.setServerMetricsFormats(serverMetricsFormats.stream().map(f -> f.trim().toLowerCase(java.util.Locale.ROOT)).toList());
        }
        if (gpuTelemetry != null) {
            t.setGpuTelemetry(true);
            List<String> urls = new ArrayList<>(gpuTelemetry);
            urls.removeIf(DASHBOARD::equalsIgnoreCase);
            for (String collector : LOCAL_COLLECTORS) {
                if (urls.removeIf(collector::equalsIgnoreCase)) t.setGpuTelemetryCollector(collector);
            }
            List<String> csv = urls.stream().filter(u -> u.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")).toList();
            if (csv.size() > 1) throw new dev.redline.runner.BadInputException("--gpu-telemetry: one metrics CSV at most, got " + String.join(", ", csv));
            if (!csv.isEmpty()) {
                // AIPerf's custom DCGM fields file; checked here so a wrong path fails before the run starts
                if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(csv.get(0)))) {
                    throw new dev.redline.runner.BadInputException("--gpu-telemetry: GPU metrics file not found: " + csv.get(0));
                }
                t.setGpuMetricsFile(csv.get(0));
                urls.removeAll(csv);
            }
            if (!urls.isEmpty()) t.setGpuTelemetryUrls(merge(t.getGpuTelemetryUrls(), urls));
        }
        if (Boolean.TRUE.equals(noGpuTelemetry)) t.setGpuTelemetry(false);
        if (gpuTelemetryInterval != null) t.setGpuTelemetryInterval(gpuTelemetryInterval);
        if (scrapeTimeout != null) t.setScrapeTimeout(scrapeTimeout);
        if (dcgmPodSelector != null) t.setDcgmPodSelector(dcgmPodSelector);
    }

    @Override
    public Map<String, String> flagsByField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("telemetry.serverMetrics", "--server-metrics/--no-server-metrics");
        m.put("telemetry.serverMetricsUrls", "--server-metrics-url");
        m.put("telemetry.serverMetricsUrls[*]", "--server-metrics-url");
        m.put("telemetry.serverMetricsInterval", "--server-metrics-interval");
        m.put("telemetry.serverMetricsFormats", "--server-metrics-formats");
        m.put("telemetry.serverMetricsFormats[*]", "--server-metrics-formats");
        m.put("telemetry.gpuTelemetryCollector", "--gpu-telemetry");
        m.put("telemetry.gpuTelemetry", "--gpu-telemetry/--no-gpu-telemetry");
        m.put("telemetry.gpuTelemetryUrls", "--gpu-telemetry");
        m.put("telemetry.gpuTelemetryUrls[*]", "--gpu-telemetry");
        m.put("telemetry.gpuTelemetryInterval", "--gpu-telemetry-interval");
        m.put("telemetry.gpuMetricsFile", "--gpu-telemetry");
        m.put("telemetry.scrapeTimeout", "--telemetry-scrape-timeout");
        m.put("telemetry.dcgmPodSelector", "--dcgm-pod-selector");
        return m;
    }

    private boolean nothingGiven() {
        return serverMetrics == null && noServerMetrics == null && serverMetricsUrls == null && serverMetricsInterval == null
                && serverMetricsFormats == null
                && gpuTelemetry == null && noGpuTelemetry == null && gpuTelemetryInterval == null && scrapeTimeout == null
                && dcgmPodSelector == null;
    }

    /** Flags add to the URLs a file gave, without duplicates. */
    private static List<String> merge(List<String> fromFile, List<String> fromFlags) {
        List<String> out = new ArrayList<>(fromFile == null ? List.of() : fromFile);
        for (String u : fromFlags) {
            if (!out.contains(u)) out.add(u);
        }
        return out;
    }
}
