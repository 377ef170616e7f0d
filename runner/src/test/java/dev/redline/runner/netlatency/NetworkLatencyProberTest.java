package dev.redline.runner.netlatency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prober against the real mock server over loopback, and against a port nobody listens on. */
class NetworkLatencyProberTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void probesEveryIntervalAndTopsUpToTheFloorWithTheMeanOfTheFile() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // free once closed: connects are refused
        }
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0))) {
            Path file = dir.resolve("profile_export_network_latency.jsonl");
            List<ProbeTarget> targets = ProbeTarget.of(List.of(mock.baseUrl(), "127.0.0.1:" + closedPort));
            List<String> warnings = new ArrayList<>();
            NetworkLatencyProber prober = NetworkLatencyProber.start(targets, 0.05, file, warnings::add);
            Thread.sleep(300);
            prober.stop();

            List<JsonNode> probes = lines(file);
            List<JsonNode> up = probes.stream().filter(p -> p.get("target_port").asInt() == mock.port()).toList();
            List<JsonNode> down = probes.stream().filter(p -> p.get("target_port").asInt() == closedPort).toList();
            assertTrue(up.size() >= NetworkLatencyProber.MIN_SAMPLES, "interval probes plus top-up: " + up.size());
            for (JsonNode p : up) {
                assertTrue(p.get("success").asBoolean(), p.toString());
                assertEquals("tcp_connect", p.get("probe_type").asText());
                assertTrue(p.get("rtt_ns").asLong() > 0 && p.get("rtt_ns").asLong() < 2_000_000_000L, p.toString());
                assertTrue(p.get("timestamp_ns").asLong() > 1_600_000_000_000_000_000L, "wall clock in ns: " + p);
                assertFalse(p.has("error"));
            }
            assertFalse(down.isEmpty());
            for (JsonNode p : down) {
                assertFalse(p.get("success").asBoolean(), p.toString());
                assertFalse(p.has("rtt_ns"), "a failed probe has no rtt_ns: " + p);
                assertFalse(p.path("error").path("type").asText().isEmpty(), p.toString());
            }
            // the refused target is topped up too, but bounded: at most 2 x the floor beyond the interval probes
            assertTrue(down.size() <= 300 / 50 + 2 + 2 * NetworkLatencyProber.MIN_SAMPLES, "bounded top-up: " + down.size());

            double mean = up.stream().mapToLong(p -> p.get("rtt_ns").asLong()).average().orElseThrow();
            RttSummary summary = prober.summary();
            assertEquals(mean, summary.meanRttNs(), 1e-6, "the subtracted RTT is the mean of the file's successful probes");
            JsonNode json = summary.toJson();
            JsonNode upSummary = json.get("target_summaries").get(targets.get(0).key());
            assertEquals(up.size(), upSummary.get("success_count").asInt());
            assertEquals(mean, upSummary.get("mean_ns").asDouble(), 1e-6);
            assertEquals(down.size(), json.get("target_summaries").get(targets.get(1).key()).get("failure_count").asInt());
            assertEquals(probes.size(), json.get("count").asInt());
            assertEquals(down.size(), json.get("failure_count").asInt());
            assertEquals(mean, json.get("mean_ns").asDouble(), 1e-6);
            assertTrue(json.get("min_ns").asDouble() <= json.get("median_ns").asDouble()
                    && json.get("median_ns").asDouble() <= json.get("p99_ns").asDouble(), json.toString());
            assertFalse(json.get("error_summary").isEmpty());
            assertTrue(warnings.isEmpty(), warnings.toString());

            long before = Files.size(file);
            Thread.sleep(150);
            assertEquals(before, Files.size(file), "no probe after stop");
        }
    }
}
