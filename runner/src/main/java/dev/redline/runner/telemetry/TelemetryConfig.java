package dev.redline.runner.telemetry;

import dev.redline.runner.telemetry.gpu.LocalGpuCollector;
import dev.redline.api.v1alpha1.TelemetrySpec;
import dev.redline.runner.telemetry.scrape.TargetUrls;

import dev.redline.runner.telemetry.gpu.DcgmField;
import dev.redline.runner.telemetry.gpu.GpuMetricsFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolved telemetry settings (defaults applied, URLs normalised), derived from the spec's
 * {@code telemetry} part.
 *
 * @param serverMetrics  scrape the inference server's /metrics (default on)
 * @param serverUrls     extra server metrics URLs, normalised
 * @param serverInterval server scrape interval (default 1 s)
 * @param gpu            OFF, AUTO (default: try the default exporters quietly) or ON (report them)
 * @param gpuUrls        DCGM exporter URLs, normalised (defaults localhost:9400 and :9401)
 * @param gpuInterval    DCGM scrape interval (default 1 s)
 * @param scrapeTimeout  per-scrape timeout (default 2 s, at most the interval plus 1 s)
 * @param serverFormats  server metrics files written: json, csv (default both), jsonl (every scrape)
 */
public record TelemetryConfig(boolean serverMetrics, List<String> serverUrls, Duration serverInterval,
                              GpuMode gpu, List<String> gpuUrls, Duration gpuInterval, Duration scrapeTimeout,
                              List<String> serverFormats, List<DcgmField> gpuCustomFields) {
    public static final List<String> DEFAULT_SERVER_FORMATS = List.of("json", "csv");

    public TelemetryConfig {
        serverFormats = serverFormats == null || serverFormats.isEmpty() ? DEFAULT_SERVER_FORMATS : List.copyOf(serverFormats);
        gpuCustomFields = gpuCustomFields == null ? List.of() : List.copyOf(gpuCustomFields);
    }

    public TelemetryConfig(boolean serverMetrics, List<String> serverUrls, Duration serverInterval,
                           GpuMode gpu, List<String> gpuUrls, Duration gpuInterval, Duration scrapeTimeout,
                           List<String> serverFormats) {
        this(serverMetrics, serverUrls, serverInterval, gpu, gpuUrls, gpuInterval, scrapeTimeout, serverFormats, null);
    }

    public TelemetryConfig(boolean serverMetrics, List<String> serverUrls, Duration serverInterval,
                           GpuMode gpu, List<String> gpuUrls, Duration gpuInterval, Duration scrapeTimeout) {
        this(serverMetrics, serverUrls, serverInterval, gpu, gpuUrls, gpuInterval, scrapeTimeout, null);
    }

    public enum GpuMode { OFF, AUTO, ON }

    public static final List<String> DEFAULT_GPU_URLS = List.of("http://localhost:9400/metrics", "http://localhost:9401/metrics");
    public static final double DEFAULT_INTERVAL_SECONDS = 1.0;
    public static final double DEFAULT_TIMEOUT_SECONDS = 2.0;

    public static TelemetryConfig defaults() {
        return from(null);
    }

    public static TelemetryConfig from(TelemetrySpec spec) {
        return from(spec, w -> { });
    }

    /** {@code warn}: where a custom GPU metrics file's skipped lines are reported. */
    public static TelemetryConfig from(TelemetrySpec spec, java.util.function.Consumer<String> warn) {
        TelemetrySpec s = spec == null ? new TelemetrySpec() : spec;
        List<DcgmField> custom = s.getGpuMetricsFile() == null ? List.of()
                : GpuMetricsFile.read(java.nio.file.Path.of(s.getGpuMetricsFile()), warn);
        boolean server = s.getServerMetrics() == null || s.getServerMetrics();
        List<String> serverUrls = normalise(s.getServerMetricsUrls());
        GpuMode mode = s.getGpuTelemetry() == null ? GpuMode.AUTO : s.getGpuTelemetry() ? GpuMode.ON : GpuMode.OFF;
        List<String> gpuUrls = normalise(s.getGpuTelemetryUrls());
        String collector = s.getGpuTelemetryCollector();
        if (collector != null && !collector.equals("dcgm")) {
            // a local collector (pynvml/amdsmi) replaces the default exporters; URLs given beside it are scraped too
            gpuUrls.add(0, LocalGpuCollector.urlFor(collector));
            if (s.getGpuTelemetry() == null) mode = GpuMode.ON;
        } else if (gpuUrls.isEmpty()) {
            gpuUrls = DEFAULT_GPU_URLS;
        }
        Duration serverInterval = seconds(s.getServerMetricsInterval(), DEFAULT_INTERVAL_SECONDS);
        Duration gpuInterval = seconds(s.getGpuTelemetryInterval(), DEFAULT_INTERVAL_SECONDS);
        Duration timeout = seconds(s.getScrapeTimeout(), DEFAULT_TIMEOUT_SECONDS);
        return new TelemetryConfig(server, serverUrls, serverInterval, mode, gpuUrls, gpuInterval, timeout, s.getServerMetricsFormats(), custom);
    }

    /** The same settings with other intervals (tests scrape faster than a real run). */
    public TelemetryConfig withIntervals(Duration server, Duration gpu, Duration timeout) {
        return new TelemetryConfig(serverMetrics, serverUrls, server, this.gpu, gpuUrls, gpu, timeout, serverFormats, gpuCustomFields);
    }

    private static List<String> normalise(List<String> urls) {
        List<String> out = new ArrayList<>();
        if (urls == null) return out;
        for (String u : urls) {
            if (u == null) continue;
            for (String part : u.split(",")) {
                if (!part.isBlank()) {
                    String n = TargetUrls.normalise(part);
                    if (!out.contains(n)) out.add(n);
                }
            }
        }
        return out;
    }

    private static Duration seconds(Double value, double dflt) {
        double s = value == null ? dflt : value;
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
