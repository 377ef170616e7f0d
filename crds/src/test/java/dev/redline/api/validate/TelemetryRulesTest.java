package dev.redline.api.validate;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryRulesTest {
    private static List<Violation> telemetry(String yaml) {
        BenchmarkSpec spec = SpecReader.read("models: [m]\ntelemetry:\n" + yaml, "t.yaml");
        return SpecValidator.validate(spec).stream().filter(v -> v.path().startsWith("telemetry")).toList();
    }

    @Test
    void goodTelemetryPasses() {
        assertEquals(List.of(), telemetry("""
                  server_metrics: true
                  server_metrics_urls: [worker:9090, "http://a:1/metrics"]
                  gpu_telemetry_urls: localhost:9400
                  server_metrics_interval: 0.5
                  gpu_telemetry_interval: 1
                  scrape_timeout: 2
                  dcgm_pod_selector: app.kubernetes.io/name=dcgm-exporter,tier!=test
                  dcgm_namespace: gpu-operator
                """));
    }

    @Test
    void eachProblemNamesItsField() {
        List<Violation> v = telemetry("""
                  server_metrics_interval: 0.001
                  gpu_telemetry_interval: 1000
                  scrape_timeout: 0
                  gpu_telemetry_urls: [pynvml, custom.csv, "ftp://x"]
                  server_metrics_urls: [""]
                  dcgm_pod_selector: "a b"
                  dcgm_namespace: GPU_Operator
                """);
        List<String> paths = v.stream().map(Violation::path).toList();
        // the schema's bounds (SchemaBounds) come after the telemetry rules
        assertEquals(List.of("telemetry.serverMetricsUrls[0]", "telemetry.gpuTelemetryUrls[0]", "telemetry.gpuTelemetryUrls[1]",
                "telemetry.gpuTelemetryUrls[2]", "telemetry.dcgmPodSelector", "telemetry.dcgmNamespace",
                "telemetry.serverMetricsInterval", "telemetry.gpuTelemetryInterval", "telemetry.scrapeTimeout"), paths, v.toString());
        assertTrue(v.get(1).message().contains("gpuTelemetryCollector: pynvml"), v.get(1).message());
        assertTrue(v.get(2).message().contains("set gpuMetricsFile: custom.csv"), v.get(2).message());
    }

    @Test
    void unknownTelemetryKeyIsRejectedByTheReader() {
        try {
            telemetry("  gpu_telemetri: true\n");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("gpu"), e.getMessage());
            return;
        }
        throw new AssertionError("unknown key accepted");
    }

    /** AIPerf's gpu_telemetry section: its metrics_file is the custom DCGM fields CSV, read into gpuMetricsFile. */
    @Test
    void aiperfsMetricsFileIsTheGpuMetricsFile() {
        var env = dev.redline.api.config.ConfigEnvelope.read("""
                schemaVersion: "2.0"
                benchmark:
                  model: m
                  gpu_telemetry: {enabled: true, urls: ["node1:9400"], metrics_file: custom_gpu_metrics.csv}
                """, "aiperf.yaml");
        var t = env.getBenchmark().getTelemetry();
        assertEquals("custom_gpu_metrics.csv", t.getGpuMetricsFile());
        assertEquals(List.of("node1:9400"), t.getGpuTelemetryUrls());
        assertEquals(List.of(), SpecValidator.validate(env.getBenchmark()).stream().filter(v -> v.path().startsWith("telemetry")).toList());
        assertEquals(List.of("telemetry.gpuMetricsFile"), telemetry("  gpu_metrics_file: ' '\n").stream().map(Violation::path).toList());
    }
}
