package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

import java.util.List;

/** What the runner scrapes next to the benchmark: the inference server's /metrics and DCGM exporters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelemetrySpec {
    /** A namespace name (DNS label). */
    public static final String NAMESPACE_PATTERN = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

    @JsonPropertyDescription("Scrape the inference server's Prometheus /metrics (at the endpoint's host and port). Default true (--server-metrics / --no-server-metrics).")
    private Boolean serverMetrics;

    @JsonPropertyDescription("Extra Prometheus endpoints to scrape with the server metrics, e.g. a Dynamo worker (--server-metrics-url).")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @Size(max = 32)
    private List<String> serverMetricsUrls;

    @JsonPropertyDescription("Server metrics files: json and csv (default both), jsonl adds every scrape (--server-metrics-formats).")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    private List<String> serverMetricsFormats;

    @JsonPropertyDescription("Where GPU telemetry comes from: dcgm (DCGM exporter URLs, default), pynvml (local NVIDIA GPUs through nvidia-smi) or amdsmi (local AMD GPUs through amd-smi) (--gpu-telemetry pynvml|amdsmi).")
    private String gpuTelemetryCollector;

    @JsonPropertyDescription("Seconds between server metrics scrapes. Default 1 (--server-metrics-interval).")
    @Min(0.05)
    @Max(300)
    private Double serverMetricsInterval;

    @JsonPropertyDescription("GPU telemetry from DCGM exporters: true reports it (and missing exporters), false turns it off; unset tries the default exporters quietly (--gpu-telemetry / --no-gpu-telemetry).")
    private Boolean gpuTelemetry;

    @JsonPropertyDescription("DCGM exporter URLs. Default localhost:9400 and localhost:9401 (--gpu-telemetry URL...).")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @Size(max = 64)
    private List<String> gpuTelemetryUrls;

    @JsonPropertyDescription("Seconds between DCGM scrapes. Default 1 (--gpu-telemetry-interval). Set the exporter's own collection interval (-c) to 1000 ms or less too.")
    @Min(0.05)
    @Max(300)
    private Double gpuTelemetryInterval;

    @JsonPropertyDescription("AIPerf's custom GPU metrics file: a DCGM-style CSV (FIELD, gauge|counter, help; # comments) of extra DCGM fields to report, each as nvidia_<field> with its help text as title and its '(in UNIT)' as unit (--gpu-telemetry FILE.csv). A path on the runner's machine; in a cluster, mount it into the runner pod.")
    @Size(max = 4096)
    private String gpuMetricsFile;

    @JsonPropertyDescription("Timeout of one scrape in seconds. Default 2 (--telemetry-scrape-timeout).")
    @Min(value = 0, inclusive = false)
    @Max(60)
    private Double scrapeTimeout;

    @JsonPropertyDescription("In a cluster: label selector of the DCGM exporter pods to scrape on the model server's nodes, e.g. app.kubernetes.io/name=dcgm-exporter.")
    private String dcgmPodSelector;

    @JsonPropertyDescription("In a cluster: namespace of the DCGM exporter pods, e.g. gpu-operator. Default: the Benchmark's namespace. The runner needs get/list on pods there (see docs/operator.md).")
    @Pattern(NAMESPACE_PATTERN)
    private String dcgmNamespace;

    public Boolean getServerMetrics() { return serverMetrics; }
    public void setServerMetrics(Boolean serverMetrics) { this.serverMetrics = serverMetrics; }
    public List<String> getServerMetricsUrls() { return serverMetricsUrls; }
    public void setServerMetricsUrls(List<String> serverMetricsUrls) { this.serverMetricsUrls = serverMetricsUrls; }
    public List<String> getServerMetricsFormats() { return serverMetricsFormats; }
    public void setServerMetricsFormats(List<String> serverMetricsFormats) { this.serverMetricsFormats = serverMetricsFormats; }
    public String getGpuTelemetryCollector() { return gpuTelemetryCollector; }
    public void setGpuTelemetryCollector(String gpuTelemetryCollector) { this.gpuTelemetryCollector = gpuTelemetryCollector; }
    public Double getServerMetricsInterval() { return serverMetricsInterval; }
    public void setServerMetricsInterval(Double serverMetricsInterval) { this.serverMetricsInterval = serverMetricsInterval; }
    public Boolean getGpuTelemetry() { return gpuTelemetry; }
    public void setGpuTelemetry(Boolean gpuTelemetry) { this.gpuTelemetry = gpuTelemetry; }
    public List<String> getGpuTelemetryUrls() { return gpuTelemetryUrls; }
    public void setGpuTelemetryUrls(List<String> gpuTelemetryUrls) { this.gpuTelemetryUrls = gpuTelemetryUrls; }
    public Double getGpuTelemetryInterval() { return gpuTelemetryInterval; }
    public void setGpuTelemetryInterval(Double gpuTelemetryInterval) { this.gpuTelemetryInterval = gpuTelemetryInterval; }
    public Double getScrapeTimeout() { return scrapeTimeout; }
    public void setScrapeTimeout(Double scrapeTimeout) { this.scrapeTimeout = scrapeTimeout; }
    public String getDcgmPodSelector() { return dcgmPodSelector; }
    public void setDcgmPodSelector(String dcgmPodSelector) { this.dcgmPodSelector = dcgmPodSelector; }
    public String getGpuMetricsFile() { return gpuMetricsFile; }
    public void setGpuMetricsFile(String gpuMetricsFile) { this.gpuMetricsFile = gpuMetricsFile; }
    public String getDcgmNamespace() { return dcgmNamespace; }
    public void setDcgmNamespace(String dcgmNamespace) { this.dcgmNamespace = dcgmNamespace; }
}
