package dev.redline.runner.telemetry.server;

import dev.redline.runner.telemetry.Fixtures;
import dev.redline.runner.telemetry.prometheus.TextFormatParser;
import dev.redline.runner.telemetry.scrape.ScrapeTarget;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.summary.RunWindow;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerMetricsAnalyzerTest {
    private static final long S = 1_000_000_000L;
    private static final String EP = "http://127.0.0.1:8000/metrics";

    private static ServerMetricsSummary analyze(String first, String last) {
        SeriesStore st = new SeriesStore();
        st.add(EP, 0, 1_700_000_000_000L, TextFormatParser.parse(first));
        st.add(EP, 2 * S, 1_700_000_002_000L, TextFormatParser.parse(last));
        TargetReport r = new TargetReport(new ScrapeTarget(EP, ScrapeTarget.Role.SERVER));
        return ServerMetricsAnalyzer.analyze(st, List.of(r), new RunWindow(0, 2 * S, 1_700_000_000_000L, 1_700_000_002_000L));
    }

    @Test
    void vllmHeadlineMetricsFromTwoScrapes() {
        String a = Fixtures.read("vllm.prom");
        String b = a.replace("vllm:prefix_cache_queries_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 52000.0",
                        "vllm:prefix_cache_queries_total{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 54000.0")
                .replace("13000.0", "13500.0")
                .replace("25600.0", "27600.0")
                .replace("finished_reason=\"stop\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 90.0",
                        "finished_reason=\"stop\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 95.0")
                .replace("finished_reason=\"length\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 10.0",
                        "finished_reason=\"length\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 13.0")
                .replace("num_requests_running{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 12.0",
                        "num_requests_running{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 20.0");
        ServerMetricsSummary s = analyze(a, b);
        assertEquals(Engine.VLLM, s.engines().get(EP));
        assertEquals(25.0, s.keyMetric(EP, "prefix_cache_hit_rate").value("value"), 1e-9); // 500 / 2000
        assertEquals(2000, s.keyMetric(EP, "generation_tokens").value("total"), 1e-9);
        assertEquals(1000, s.keyMetric(EP, "generation_tokens").value("rate"), 1e-9);
        assertEquals(8, s.keyMetric(EP, "requests_completed").value("total"), 1e-9); // 5 stop + 3 length, summed over labels
        assertEquals(16, s.keyMetric(EP, "requests_running").value("avg"), 1e-9);
        assertEquals(43.75, s.keyMetric(EP, "kv_cache_usage").value("avg"), 1e-9);
        assertEquals("vllm:time_to_first_token_seconds", s.keyMetric(EP, "server_time_to_first_token").source());
    }

    @Test
    void histogramKeyMetricInMillisecondsFromBucketDeltas() {
        String a = Fixtures.read("vllm.prom");
        // The second scrape adds 100 more TTFT observations: 50 in (0.02,0.04], 50 in (0.04,0.06].
        String b = a.replace("le=\"0.04\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 60.0", "le=\"0.04\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 110.0")
                .replace("le=\"0.06\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 90.0", "le=\"0.06\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 190.0")
                .replace("le=\"0.08\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 100.0", "le=\"0.08\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 200.0")
                .replace("time_to_first_token_seconds_bucket{engine=\"0\",le=\"+Inf\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 100.0",
                        "time_to_first_token_seconds_bucket{engine=\"0\",le=\"+Inf\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 200.0")
                .replace("time_to_first_token_seconds_count{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 100.0",
                        "time_to_first_token_seconds_count{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 200.0")
                .replace("time_to_first_token_seconds_sum{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 3.85",
                        "time_to_first_token_seconds_sum{engine=\"0\",model_name=\"meta-llama/Llama-3.1-8B-Instruct\"} 8.85");
        KeyMetric ttft = analyze(a, b).keyMetric(EP, "server_time_to_first_token");
        assertNotNull(ttft);
        assertEquals(100, ttft.value("count"), 1e-9);
        assertEquals(50.0, ttft.value("avg"), 1e-9);              // 5 s / 100 requests
        assertEquals(40.0, ttft.value("p50"), 1e-9);              // rank 50 = top of (20,40] ms
        assertTrue(ttft.value("p90") > 40 && ttft.value("p90") <= 60, "p90 " + ttft.value("p90"));
        assertEquals(40 + 20 * (90 - 50) / 50.0, ttft.value("p90"), 1e-9);
    }

    @Test
    void recognisesEachEngineAndItsNames() {
        Map<String, Engine> expected = Map.of("sglang.prom", Engine.SGLANG, "trtllm.prom", Engine.TRTLLM,
                "dynamo.prom", Engine.DYNAMO, "tgi.prom", Engine.TGI, "vllm-legacy.prom", Engine.VLLM);
        expected.forEach((file, engine) -> {
            String text = Fixtures.read(file);
            ServerMetricsSummary s = analyze(text, text);
            assertEquals(engine, s.engines().get(EP), file);
            assertNotNull(s.keyMetric(EP, "requests_running"), file + " running");
        });
        assertEquals(0.7507552643049313, analyze(Fixtures.read("sglang.prom"), Fixtures.read("sglang.prom"))
                .keyMetric(EP, "prefix_cache_hit_rate").value("avg"), 1e-9);
        assertEquals("vllm:gpu_cache_usage_perc", analyze(Fixtures.read("vllm-legacy.prom"), Fixtures.read("vllm-legacy.prom"))
                .keyMetric(EP, "kv_cache_usage").source());
        assertEquals("vllm:time_per_output_token_seconds", analyze(Fixtures.read("vllm-legacy.prom"), Fixtures.read("vllm-legacy.prom"))
                .keyMetric(EP, "server_inter_token_latency").source());
    }

    @Test
    void exportsJsonCsvAndTable() throws Exception {
        String a = Fixtures.read("vllm.prom");
        ServerMetricsSummary s = analyze(a, a.replace("25600.0", "26600.0"));
        Path dir = Files.createTempDirectory("server-metrics");
        ServerMetricsExport.write(s, dir);
        String json = Files.readString(dir.resolve(ServerMetricsExport.JSON_FILE));
        assertTrue(json.contains("\"vllm:generation_tokens_total\""), json);
        assertTrue(json.contains("\"endpoints_configured\" : [ \""), json); // AIPerf lists the URLs
        String csv = Files.readString(dir.resolve(ServerMetricsExport.CSV_FILE));
        assertTrue(csv.contains("vllm:generation_tokens_total,"), csv);
        assertTrue(csv.contains("1000"), csv);
        String table = ServerMetricsTable.render(s);
        assertTrue(table.contains("Generation tokens (tokens)"), table);
        assertTrue(table.contains("(vllm)"), table);
    }
}
