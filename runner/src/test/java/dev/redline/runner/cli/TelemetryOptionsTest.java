package dev.redline.runner.cli;

import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.TelemetrySpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.runner.telemetry.TelemetryConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryOptionsTest {
    @Command(name = "profile")
    static final class Cmd {
        @Mixin TelemetryOptions telemetry = new TelemetryOptions();
    }

    private static BenchmarkSpec apply(BenchmarkSpec spec, String... args) {
        Cmd cmd = new Cmd();
        new CommandLine(cmd).parseArgs(args);
        cmd.telemetry.applyTo(spec);
        return spec;
    }

    @Test
    void noFlagsLeaveTheSpecAlone() {
        assertNull(apply(new BenchmarkSpec()).getTelemetry());
        TelemetryConfig c = TelemetryConfig.from(null);
        assertTrue(c.serverMetrics());
        assertEquals(TelemetryConfig.GpuMode.AUTO, c.gpu());
        assertEquals(TelemetryConfig.DEFAULT_GPU_URLS, c.gpuUrls());
        assertEquals(Duration.ofSeconds(1), c.serverInterval());
    }

    @Test
    void flagsMapOntoTheSpecAndConfig() {
        BenchmarkSpec spec = apply(new BenchmarkSpec(), "--server-metrics", "worker:9090", "--server-metrics-url", "a:1,b:2",
                "--server-metrics-interval", "0.5", "--gpu-telemetry", "dashboard", "node1:9400",
                "--gpu-telemetry-interval", "0.25", "--telemetry-scrape-timeout", "1.5", "--dcgm-pod-selector", "app=dcgm");
        TelemetrySpec t = spec.getTelemetry();
        assertEquals(List.of("worker:9090", "a:1", "b:2"), t.getServerMetricsUrls());
        assertEquals(List.of("node1:9400"), t.getGpuTelemetryUrls());
        assertTrue(t.getGpuTelemetry());
        assertEquals("app=dcgm", t.getDcgmPodSelector());
        TelemetryConfig c = TelemetryConfig.from(t);
        assertEquals(List.of("http://worker:9090/metrics", "http://a:1/metrics", "http://b:2/metrics"), c.serverUrls());
        assertEquals(List.of("http://node1:9400/metrics"), c.gpuUrls());
        assertEquals(Duration.ofMillis(500), c.serverInterval());
        assertEquals(Duration.ofMillis(250), c.gpuInterval());
        assertEquals(Duration.ofMillis(1500), c.scrapeTimeout());
        assertEquals(TelemetryConfig.GpuMode.ON, c.gpu());
        assertTrue(SpecValidator.validate(spec).stream().noneMatch(v -> v.path().startsWith("telemetry")));
    }

    @Test
    void bareGpuFlagTurnsReportingOnWithDefaultUrls() {
        TelemetrySpec t = apply(new BenchmarkSpec(), "--gpu-telemetry").getTelemetry();
        assertTrue(t.getGpuTelemetry());
        assertNull(t.getGpuTelemetryUrls());
        assertEquals(TelemetryConfig.DEFAULT_GPU_URLS, TelemetryConfig.from(t).gpuUrls());
    }

    @Test
    void negativeFlagsTurnThingsOff() {
        TelemetrySpec t = apply(new BenchmarkSpec(), "--no-server-metrics", "--no-gpu-telemetry").getTelemetry();
        assertFalse(TelemetryConfig.from(t).serverMetrics());
        assertEquals(TelemetryConfig.GpuMode.OFF, TelemetryConfig.from(t).gpu());
    }

    @Test
    void flagsOverrideAndExtendTheFile() {
        BenchmarkSpec spec = SpecReader.read("""
                models: [m]
                telemetry:
                  server_metrics_urls: [a:1]
                  gpu_telemetry: false
                  server_metrics_interval: 2
                """, "test.yaml");
        apply(spec, "--server-metrics-url", "b:2", "--server-metrics-interval", "0.5");
        assertEquals(List.of("a:1", "b:2"), spec.getTelemetry().getServerMetricsUrls());
        assertEquals(0.5, spec.getTelemetry().getServerMetricsInterval());
        assertFalse(spec.getTelemetry().getGpuTelemetry());
    }

    @Test
    void badValuesNameTheFieldAndTheFix() {
        List<Violation> v = SpecValidator.validate(apply(new BenchmarkSpec(), "--server-metrics-interval", "0",
                "--gpu-telemetry", "ftp://x:1", "--telemetry-scrape-timeout", "-1", "--dcgm-pod-selector", "a=b,,"));
        List<String> paths = v.stream().map(Violation::path).toList();
        assertTrue(paths.contains("telemetry.serverMetricsInterval"), v.toString());
        assertTrue(paths.contains("telemetry.gpuTelemetryUrls[0]"), v.toString());
        assertTrue(paths.contains("telemetry.scrapeTimeout"), v.toString());
        assertTrue(paths.contains("telemetry.dcgmPodSelector"), v.toString());
        assertEquals("--server-metrics-interval", new TelemetryOptions().flagsByField().get("telemetry.serverMetricsInterval"));
    }
}
