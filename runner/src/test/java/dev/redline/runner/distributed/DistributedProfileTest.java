package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.cli.RedlineCli;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code redline profile --runners 3}: this JVM coordinates and two agent JVMs (separate processes over
 * JeroMQ on 127.0.0.1) share the load against the real mock server. The mock's own request counter and
 * the per-record export are the ground truth for the merged summary.
 */
class DistributedProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void threeRunnersSplitTheBudgetAndTheMergedSummaryMatchesAllRecords() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(20).itlMs(4))) {
            Path spec = dir.resolve("spec.yaml");
            Files.writeString(spec, """
                    models: [mock-model]
                    endpoint: {url: '%s', type: chat, streaming: true}
                    dataset: {entries: 8, prompts: {isl: 24, osl: 6}}
                    phases:
                      - {kind: warmup, concurrency: 3, requests: 6}
                      - {kind: profiling, concurrency: 5, requests: 61}
                    random_seed: 3
                    """.formatted(mock.baseUrl()));
            Path out = dir.resolve("out");
            int code = RedlineCli.execute("profile", "-f", spec.toString(), "--runners", "3", "--ui-type", "none",
                    "--log-level", "warn", "--artifact-dir", out.toString());
            assertEquals(0, code, "agent logs: " + agentLogs(out));

            assertEquals(67, mock.metrics().requestsReceived(), "the server saw exactly the requested budget");
            JsonNode summary = JSON.readTree(out.resolve("profile_export_redline.json").toFile());
            assertEquals(61, summary.at("/request_count/avg").asLong());

            // shares: concurrency 2/2/1, requests 21/20/20 (remainder to the lowest index)
            JsonNode per = summary.at("/distributed/per_runner");
            assertEquals(3, per.size(), per.toString());
            assertEquals(List.of(21L, 20L, 20L), List.of(per.get(0).get("request_count").asLong(),
                    per.get(1).get("request_count").asLong(), per.get(2).get("request_count").asLong()));
            assertTrue(summary.at("/distributed/failure").isNull());
            for (int i = 1; i < 3; i++) {
                // same machine, same clock: the NTP-style estimate is off by at most half the round trip
                double offset = per.get(i).get("clock_offset_ms").asDouble();
                double rtt = per.get(i).get("clock_rtt_ms").asDouble();
                assertTrue(rtt > 0 && Math.abs(offset) <= rtt / 2 + 0.01, "offset " + offset + " rtt " + rtt);
            }
            // each agent's own evidence of keeping up, read with runner 0's by the operator's ClientSaturated
            for (int i = 1; i < 3; i++) {
                JsonNode own = per.get(i).get("client_saturation");
                assertTrue(own != null && own.has("client_lag_p99_ms") && own.has("reasons"), per.get(i).toString());
                assertEquals(own.get("saturated").asBoolean(), per.get(i).get("client_saturated").asBoolean());
            }
            var evidence = dev.redline.api.results.ClientSaturationEvidence.of(
                    dev.redline.api.results.ProfileExport.parse(Files.readString(out.resolve("profile_export_redline.json")), "summary"));
            assertTrue(evidence.message().contains("runner 2: "), evidence.message());

            List<String> lines = Files.readAllLines(out.resolve("profile_export.jsonl"));
            assertEquals(67, lines.size(), "every runner's records, warmup included");
            Map<Integer, Integer> byRunner = new TreeMap<>();
            List<Double> ttft = new ArrayList<>();
            List<Double> latency = new ArrayList<>();
            for (String line : lines) {
                JsonNode r = JSON.readTree(line);
                if (!"profiling".equals(r.at("/metadata/benchmark_phase").asText())) continue;
                byRunner.merge(r.at("/metadata/record_processor_id").asInt(), 1, Integer::sum);
                ttft.add(r.at("/metrics/time_to_first_token/value").asDouble());
                latency.add(r.at("/metrics/request_latency/value").asDouble());
            }
            assertEquals(Map.of(0, 21, 1, 20, 2, 20), byRunner);

            assertMatchesExact(summary.get("time_to_first_token"), ttft);
            assertMatchesExact(summary.get("request_latency"), latency);
            assertTrue(summary.at("/time_to_first_token/min").asDouble() >= 20 * 0.999, "TTFT below the mock's 20 ms");
            assertTrue(Files.readString(out.resolve("profile_export_redline.csv")).contains("Time to First Token"));
        }
    }

    /** Merged percentiles (from HdrHistograms) equal the exact ones over the same records within 3-digit precision. */
    private static void assertMatchesExact(JsonNode block, List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Stats exact = Statistics.of(v, v.length);
        double[][] pairs = {{exact.p50(), block.get("p50").asDouble()}, {exact.p90(), block.get("p90").asDouble()},
                {exact.p99(), block.get("p99").asDouble()}, {exact.min(), block.get("min").asDouble()},
                {exact.max(), block.get("max").asDouble()}, {exact.avg(), block.get("avg").asDouble()}};
        for (double[] p : pairs) {
            assertEquals(p[0], p[1], p[0] * 0.002 + 0.001, "merged vs exact in " + block);
        }
    }

    private static String agentLogs(Path out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < 3; i++) {
            try {
                sb.append("\n--- runner ").append(i).append(":\n").append(Files.readString(out.resolve("logs/runner-" + i + ".log")));
            } catch (Exception e) {
                sb.append("\n(no log for runner ").append(i).append(")");
            }
        }
        return sb.toString();
    }
}
