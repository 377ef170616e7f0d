package dev.redline.runner.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.netlatency.ProbeTarget;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network-latency calibration end to end: a profile run from AIPerf's YAML (network_latency) against two real mock
 * servers over loopback. The expected values are computed from the run's own files: the subtracted RTT is the mean
 * of the probes in profile_export_network_latency.jsonl, and each adjusted record is its request_latency in
 * profile_export.jsonl minus that RTT, floored at 0.
 */
class NetworkLatencyProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir Path dir;

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void probesEachUrlAndSubtractsTheMeanOfTheProbesFromEveryRecord() throws Exception {
        try (MockServer a = MockServer.start(new MockServerOptions().port(0).ttftMs(3).itlMs(1));
             MockServer b = MockServer.start(new MockServerOptions().port(0).ttftMs(3).itlMs(1))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true, urls: ['%s', '%s']}
                    tokenizer: {name: '%s'}
                    dataset: {entries: 10, prompts: {isl: {mean: 20, stddev: 0}, osl: 4}}
                    phases: [{kind: warmup, concurrency: 2, requests: 4}, {kind: profiling, concurrency: 2, requests: 30}]
                    telemetry: {serverMetrics: false, gpuTelemetry: false}
                    network_latency: {enabled: true, ping_interval: 0.05}
                    """.formatted(a.baseUrl(), b.baseUrl(), TOKENIZER), "test.yaml");
            spec.artifacts().setDir(dir.toString());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int code = new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            assertEquals(0, code);

            List<JsonNode> probes = lines(dir.resolve("profile_export_network_latency.jsonl"));
            List<String> keys = ProbeTarget.of(List.of(a.baseUrl(), b.baseUrl())).stream().map(ProbeTarget::key).toList();
            for (String key : keys) {
                long ok = probes.stream().filter(p -> (p.get("target_host").asText() + ":" + p.get("target_port").asInt()).equals(key)
                        && p.get("success").asBoolean()).count();
                assertTrue(ok >= 5, "each URL's host:port is probed, topped up to 5 successes: " + key + " " + ok);
            }
            long lastWarmupStart = lines(dir.resolve("profile_export.jsonl")).stream()
                    .filter(r -> r.at("/metadata/benchmark_phase").asText().equals("warmup"))
                    .mapToLong(r -> r.at("/metadata/request_start_ns").asLong()).max().orElseThrow();
            assertTrue(probes.stream().allMatch(p -> p.get("timestamp_ns").asLong() > lastWarmupStart),
                    "probing starts with the profiling phase, after the warmup (AIPerf's PROFILE_START)");
            double rttMs = probes.stream().filter(p -> p.get("success").asBoolean()).mapToLong(p -> p.get("rtt_ns").asLong())
                    .average().orElseThrow() / 1e6;

            JsonNode json = JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
            assertEquals(rttMs, json.at("/network_rtt/avg").asDouble(), 1e-9);
            assertEquals("ms", json.at("/network_rtt/unit").asText());
            assertFalse(json.get("network_rtt").has("count"), "AIPerf writes no count for derived metrics");

            double[] adjusted = lines(dir.resolve("profile_export.jsonl")).stream()
                    .filter(r -> r.at("/metadata/benchmark_phase").asText().equals("profiling"))
                    .mapToDouble(r -> Math.max(r.at("/metrics/request_latency/value").asDouble() - rttMs, 0)).toArray();
            assertEquals(30, adjusted.length, "profiling records only");
            Stats expected = Statistics.of(adjusted, adjusted.length);
            JsonNode block = json.get("network_adjusted_request_latency");
            for (String stat : new String[] {"avg", "min", "max", "p50", "p90", "p99", "std"}) {
                assertEquals(expected.get(stat), block.get(stat).asDouble(), 1e-6, stat);
            }
            assertTrue(json.at("/network_adjusted_time_to_first_token/p50").asDouble()
                    < json.at("/time_to_first_token/p50").asDouble(), json.get("network_adjusted_time_to_first_token").toString());
            assertTrue(json.has("network_adjusted_time_to_first_output_token"));
            assertFalse(lines(dir.resolve("profile_export.jsonl")).get(0).get("metrics").has("network_adjusted_request_latency"),
                    "not a per-record metric");

            JsonNode summary = json.get("network_latency");
            assertEquals(probes.size(), summary.get("count").asInt());
            assertEquals(rttMs * 1e6, summary.get("mean_ns").asDouble(), 1e-3);
            assertEquals(keys.size(), summary.get("target_summaries").size());

            String csv = Files.readString(dir.resolve("profile_export_redline.csv"));
            assertTrue(csv.contains("\nNetwork-Adjusted Request Latency (ms),"), csv);
            assertTrue(csv.contains("\nNetwork RTT (ms),"), csv);
            String table = console.toString(StandardCharsets.UTF_8);
            assertTrue(table.contains("Network RTT (ms)") && table.contains("Network-Adjusted"), table);
        }
    }

    @Test
    void noProbesWithoutCalibration() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.5))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {url: '%s'}
                    tokenizer: {name: '%s'}
                    dataset: {entries: 4, prompts: {isl: 10, osl: 2}}
                    phases: [{concurrency: 1, requests: 4}]
                    telemetry: {serverMetrics: false, gpuTelemetry: false}
                    """.formatted(mock.baseUrl(), TOKENIZER), "test.yaml");
            spec.artifacts().setDir(dir.toString());
            assertEquals(0, new ProfileRun(spec, new RunOptions("none", "warn", false),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run());
            assertFalse(Files.exists(dir.resolve("profile_export_network_latency.jsonl")));
            JsonNode json = JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
            assertFalse(json.has("network_rtt") || json.has("network_adjusted_request_latency") || json.has("network_latency"));
        }
    }
}
