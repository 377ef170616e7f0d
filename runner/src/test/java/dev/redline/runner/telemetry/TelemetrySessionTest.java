package dev.redline.runner.telemetry;

import dev.redline.runner.mock.DcgmExporterSimulator;
import dev.redline.runner.telemetry.gpu.EfficiencyInputs;
import dev.redline.runner.telemetry.gpu.GpuEfficiency;
import dev.redline.runner.telemetry.gpu.GpuSummary;
import dev.redline.runner.telemetry.gpu.GpuTelemetryExport;
import dev.redline.runner.telemetry.gpu.GpuTelemetrySummary;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.server.Engine;
import dev.redline.runner.telemetry.server.ServerMetricsExport;
import dev.redline.runner.telemetry.server.ServerMetricsSummary;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scrapes real HTTP servers over loopback: the DCGM simulator, a TensorRT-LLM look-alike, a closed port. */
class TelemetrySessionTest {
    private static final Duration FAST = Duration.ofMillis(100);
    private static Vertx vertx;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static int listen(DcgmExporterSimulator sim) throws Exception {
        HttpServer s = sim.listen(vertx, 0).toCompletionStage().toCompletableFuture().get();
        return s.actualPort();
    }

    private static TelemetryConfig gpuOnly(String url) {
        return new TelemetryConfig(false, List.of(), FAST, TelemetryConfig.GpuMode.ON, List.of(url), FAST, Duration.ofSeconds(1));
    }

    private static void await(BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 30 s");
            Thread.sleep(20);
        }
    }

    private static long successes(TelemetrySession s) {
        return s.reports().stream().mapToLong(TargetReport::successes).sum();
    }

    @Test
    void aCustomMetricsFileNamesTheFieldsItAddsAsAiperfDoes() throws Exception {
        DcgmExporterSimulator sim = new DcgmExporterSimulator();
        String url = "http://127.0.0.1:" + listen(sim) + "/metrics";
        Path csv = Files.createTempFile("custom_gpu_metrics", ".csv");
        Files.writeString(csv, """
                # DCGM FIELD, Prometheus metric type, help message
                DCGM_FI_DEV_POWER_USAGE, gauge, Power draw (in W)
                DCGM_FI_DEV_ENC_UTIL, gauge, Encoder utilization (in %)
                DCGM_FI_DEV_PCIE_REPLAY_COUNTER, counter, Total number of PCIe retries
                """);
        dev.redline.api.v1alpha1.TelemetrySpec spec = new dev.redline.api.v1alpha1.TelemetrySpec();
        spec.setServerMetrics(false);
        spec.setGpuTelemetry(true);
        spec.setGpuTelemetryUrls(List.of(url));
        spec.setGpuMetricsFile(csv.toString());
        TelemetryConfig config = TelemetryConfig.from(spec).withIntervals(FAST, FAST, Duration.ofSeconds(1));
        try (TelemetrySession session = TelemetrySession.start(config, null)) {
            await(() -> successes(session) >= 2);
            session.markWindowStart();
            long s0 = successes(session);
            await(() -> successes(session) >= s0 + 3);
            session.markWindowEnd();
            session.stop();
            GpuSummary g = session.results().gpu().gpus().get(0);
            // a field the file adds: AIPerf's name, its help text as title, the unit from "(in %)"
            assertNotNull(g.metric("nvidia_enc_util"), g.metrics().keySet().toString());
            assertEquals("Encoder Utilization", g.fields().get("nvidia_enc_util").title());
            assertEquals("%", g.fields().get("nvidia_enc_util").unit());
            assertNull(g.metric("enc_util"), "named once, as the file says");
            // a field Redline knows keeps its name; one the file does not list keeps the fallback name
            assertNotNull(g.metric("gpu_power_usage"));
            assertNull(g.metric("nvidia_power_usage"));
            assertNotNull(g.metric("dec_util"));
            // a listed field the exporter does not serve is simply absent
            assertNull(g.metric("nvidia_pcie_replay_counter"));
        }
    }

    @Test
    void gpuEnergyFromTheCounterEqualsTheIntegralOfPower() throws Exception {
        DcgmExporterSimulator sim = new DcgmExporterSimulator();
        String url = "http://127.0.0.1:" + listen(sim) + "/metrics";
        try (TelemetrySession session = TelemetrySession.start(gpuOnly(url), null)) {
            await(() -> successes(session) >= 2);
            session.markWindowStart();
            sim.setLoad(4000);
            long s0 = successes(session);
            await(() -> successes(session) >= s0 + 8);
            sim.setLoad(1500);
            long s1 = successes(session);
            await(() -> successes(session) >= s1 + 6);
            session.markWindowEnd();
            session.stop();
            TelemetryResults results = session.results();
            GpuTelemetrySummary gpu = results.gpu();
            assertNotNull(gpu);
            assertEquals(2, gpu.gpus().size());
            for (GpuSummary g : gpu.gpus()) {
                assertEquals("NVIDIA H200", g.gpu().modelName());
                assertEquals("redline-mock-node", g.gpu().hostname());
                assertTrue(g.gpu().uuid().startsWith("GPU-"), g.gpu().uuid());
                assertNotNull(g.energyJoules());
                assertNotNull(g.powerIntegralJoules());
                assertTrue(g.energyJoules() > 0);
                double rel = Math.abs(g.energyJoules() - g.powerIntegralJoules()) / g.powerIntegralJoules();
                assertTrue(rel < 0.05, "energy counter " + g.energyJoules() + " J vs power integral "
                        + g.powerIntegralJoules() + " J");
                assertTrue(g.metric("gpu_power_usage").max() > g.metric("gpu_power_usage").min(), "power follows the load");
                assertNotNull(g.metric("tensor_active"));
                assertNotNull(g.metric("dram_active"));
                assertNotNull(g.metric("gpu_memory_used"));
                assertNotNull(g.metric("sm_clock"));
                assertNotNull(g.metric("memory_temperature"));
            }
            double seconds = results.window().seconds();
            Map<String, GpuEfficiency.Metric> eff = results.gpuEfficiency(
                    new EfficiencyInputs(10_000, 40_000, 100, seconds, 8.0, 0.5, null));
            double energy = gpu.totalEnergyJoules();
            assertEquals(10_000 / energy, eff.get("output_tokens_per_joule").value(), 1e-9);
            assertEquals(energy * 1000 / 10_000, eff.get("energy_per_output_token").value(), 1e-9);
            assertEquals(energy / seconds, eff.get("average_gpu_power").value(), 1e-9);
            assertEquals(energy / 100 * 0.5, eff.get("energy_delay_product").value(), 1e-9);
            assertNull(eff.get("goodput_per_watt").value());

            Path dir = Files.createTempDirectory("gpu-telemetry");
            results.writeExports(dir, new EfficiencyInputs(10_000, 40_000, 100, seconds, 8.0, 0.5, null));
            String json = Files.readString(dir.resolve(GpuTelemetryExport.JSON_FILE));
            assertTrue(json.contains("\"output_tokens_per_joule\""), json);
            assertTrue(Files.readString(dir.resolve(GpuTelemetryExport.CSV_FILE)).contains("gpu_power_usage"));
            String table = results.consoleTables(new EfficiencyInputs(10_000, 40_000, 100, seconds, null, null, null));
            assertTrue(table.contains("GPU Telemetry | GPU 0 NVIDIA H200"), table);
            assertTrue(table.contains("GPU power (W)"), table);
        }
    }

    @Test
    void legacyHostnameLabelAndBlankValuesAreHandled() throws Exception {
        DcgmExporterSimulator.Options o = new DcgmExporterSimulator.Options();
        o.legacyHostnameLabel = true;
        o.blankMemoryTemperature = true;
        o.hostname = "old-exporter-node";
        String url = "http://127.0.0.1:" + listen(new DcgmExporterSimulator(o)) + "/metrics";
        try (TelemetrySession session = TelemetrySession.start(gpuOnly(url), null)) {
            await(() -> successes(session) >= 3);
            session.stop();
            GpuTelemetrySummary gpu = session.results().gpu();
            assertEquals(2, gpu.gpus().size());
            assertEquals("old-exporter-node", gpu.gpus().get(0).gpu().hostname());
            assertNotNull(gpu.gpus().get(0).metric("memory_temperature"));
            assertNull(gpu.gpus().get(1).metric("memory_temperature"), "2^63 blank values are missing, not 9.2e18 °C");
        }
    }

    @Test
    void aTargetThatIsDownIsReportedAndTheRunGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DcgmExporterSimulator sim = new DcgmExporterSimulator();
        String gpuUrl = "http://127.0.0.1:" + listen(sim) + "/metrics";
        TelemetryConfig cfg = new TelemetryConfig(true, List.of(), FAST, TelemetryConfig.GpuMode.ON,
                List.of(gpuUrl), FAST, Duration.ofMillis(500));
        try (TelemetrySession session = TelemetrySession.start(cfg, "http://127.0.0.1:" + closedPort + "/v1")) {
            assertTrue(session.awaitFirstScrapes(Duration.ofSeconds(30)));
            await(() -> session.reports().get(0).failures() >= 3 && session.reports().get(1).successes() >= 3);
            session.stop();
            TelemetryResults results = session.results();
            ServerMetricsSummary server = results.server();
            TargetReport down = server.endpoints().get(0);
            assertEquals("http://127.0.0.1:" + closedPort + "/metrics", down.target().url());
            assertFalse(down.reachable());
            assertNotNull(down.lastError());
            assertEquals(0, server.endpointsSuccessful());
            assertTrue(results.warnings().get(0).contains("unreachable"), results.warnings().toString());
            assertTrue(results.gpu().hasData(), "the GPU side still works");
            Path dir = Files.createTempDirectory("server-down");
            results.writeExports(dir, null);
            String json = Files.readString(dir.resolve(ServerMetricsExport.JSON_FILE));
            assertTrue(json.contains("\"reachable\" : false"), json);
            assertTrue(json.contains("\"last_error\""), json);
        }
    }

    @Test
    void tensorRtLlmJsonMetricsSwitchToThePrometheusPath() throws Exception {
        String prom = Fixtures.read("trtllm.prom");
        String json = Fixtures.read("trtllm-iteration-stats.json");
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/prometheus/metrics")) req.response().end(prom);
            else if (req.path().equals("/metrics")) req.response().putHeader("Content-Type", "application/json").end(json);
            else req.response().setStatusCode(404).end();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        TelemetryConfig cfg = new TelemetryConfig(true, List.of(), FAST, TelemetryConfig.GpuMode.OFF, List.of(), FAST,
                Duration.ofSeconds(1));
        try (TelemetrySession session = TelemetrySession.start(cfg, "127.0.0.1:" + server.actualPort())) {
            await(() -> successes(session) >= 3);
            session.stop();
            ServerMetricsSummary s = session.results().server();
            TargetReport r = s.endpoints().get(0);
            assertTrue(r.effectiveUrl().endsWith("/prometheus/metrics"), r.effectiveUrl());
            assertNotNull(r.note());
            assertEquals(Engine.TRTLLM, s.engines().get(r.target().url()));
            assertEquals(62.0, s.keyMetric(r.target().url(), "kv_cache_usage").value("avg"), 1e-9);
            assertNull(session.results().gpu());
        } finally {
            server.close();
        }
    }

    @Test
    void serverCounterDeltaEqualsWhatWasServedInTheWindow() throws Exception {
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong(1000);
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.response().end(
                "# TYPE vllm:request_success_total counter\nvllm:request_success_total{finished_reason=\"stop\"} "
                        + served.get() + "\n# TYPE vllm:num_requests_running gauge\nvllm:num_requests_running 3\n"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        TelemetryConfig cfg = new TelemetryConfig(true, List.of(), FAST, TelemetryConfig.GpuMode.OFF, List.of(), FAST,
                Duration.ofSeconds(1));
        try (TelemetrySession session = TelemetrySession.start(cfg, "http://127.0.0.1:" + server.actualPort() + "/v1")) {
            served.addAndGet(7); // warmup: must not count
            long s0 = successes(session);
            await(() -> successes(session) >= s0 + 2);
            session.markWindowStart();
            for (int i = 0; i < 25; i++) {
                served.incrementAndGet();
                Thread.sleep(10);
            }
            session.markWindowEnd();
            session.stop();
            ServerMetricsSummary s = session.results().server();
            String url = s.endpoints().get(0).target().url();
            assertEquals(25, s.keyMetric(url, "requests_completed").value("total"), 1e-9);
            assertEquals(3, s.keyMetric(url, "requests_running").value("avg"), 1e-9);
        } finally {
            server.close();
        }
    }
}
