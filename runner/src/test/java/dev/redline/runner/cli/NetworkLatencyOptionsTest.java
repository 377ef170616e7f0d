package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.redline.runner.cli.CliRun.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --network-latency-* from the command line and AIPerf's YAML, against the mock server; bad input exits 2 with one line. */
class NetworkLatencyOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(RedlineCli.commandLine(), args);
    }

    private static List<Double> requestLatencies(Path artifacts) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            out.add(JSON.readTree(line).at("/metrics/request_latency/value").asDouble());
        }
        return out;
    }

    private String[] profile(MockServer mock, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", TOKENIZER,
                "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics", "--request-count", "12", "--isl", "10",
                "--osl", "3", "--streaming", "--artifact-dir", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aFixedMeanIsSubtractedExactlyWithoutProbing() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(4).itlMs(2))) {
            Path flag = dir.resolve("flag");
            CliRun r = run(profile(mock, flag, "--network-latency-mean", "5", "--slice-duration", "30"));
            assertEquals(0, r.code(), r.err());
            JsonNode json = JSON.readTree(flag.resolve("profile_export_redline.json").toFile());
            assertEquals(5.0, json.at("/network_rtt/avg").asDouble(), 0);
            List<Double> latencies = requestLatencies(flag);
            double min = latencies.stream().mapToDouble(v -> Math.max(v - 5, 0)).min().orElseThrow();
            double avg = latencies.stream().mapToDouble(v -> Math.max(v - 5, 0)).average().orElseThrow();
            assertEquals(min, json.at("/network_adjusted_request_latency/min").asDouble(), 1e-9);
            assertEquals(avg, json.at("/network_adjusted_request_latency/avg").asDouble(), 1e-9);
            assertEquals(json.at("/time_to_first_token/max").asDouble() - 5,
                    json.at("/network_adjusted_time_to_first_token/max").asDouble(), 1e-9, "TTFT >= 4 ms: a pure shift");
            assertFalse(Files.exists(flag.resolve("profile_export_network_latency.jsonl")), "a fixed mean sends no probes");
            JsonNode slice = JSON.readTree(flag.resolve("profile_export_redline_timeslices.json").toFile()).at("/timeslices/0");
            assertEquals(5.0, slice.at("/network_rtt/avg").asDouble(), 0, "each time slice is adjusted too: " + slice);
            assertEquals(json.at("/network_adjusted_request_latency/avg").asDouble(),
                    slice.at("/network_adjusted_request_latency/avg").asDouble(), 1e-9, "one slice holds every request");
            assertFalse(json.has("network_latency"));
            assertEquals(true, json.at("/input_config/networkLatency/enabled").asBoolean());

            // AIPerf's YAML: network_latency.mean_ms, enabled
            Path cfg = dir.resolve("netlat.yaml");
            Files.writeString(cfg, """
                    schemaVersion: "2.0"
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s", streaming: true}
                      tokenizer: {name: "%s"}
                      dataset: {type: synthetic, prompts: {isl: 10, osl: 3}}
                      phases: [{concurrency: 1, requests: 6}]
                      network_latency: {enabled: true, mean_ms: 2.5}
                    """.formatted(mock.baseUrl(), TOKENIZER));
            Path yaml = dir.resolve("yaml");
            CliRun y = run("profile", "-f", cfg.toString(), "--ui-type", "none", "--no-gpu-telemetry", "--no-server-metrics",
                    "--artifact-dir", yaml.toString());
            assertEquals(0, y.code(), y.err());
            assertEquals(2.5, JSON.readTree(yaml.resolve("profile_export_redline.json").toFile()).at("/network_rtt/avg").asDouble(), 0);

            // a mean of 0 would only repeat the raw metrics: none are added (AIPerf)
            Path zero = dir.resolve("zero");
            assertEquals(0, run(profile(mock, zero, "--network-latency-mean", "0")).code());
            assertFalse(JSON.readTree(zero.resolve("profile_export_redline.json").toFile()).has("network_rtt"));
        }
    }

    @Test
    void combinationsAiperfRefusesAreRefused() {
        assertBadInput("--network-latency-mean: cannot be used with --network-latency-automatic",
                "profile", "-m", "m", "--network-latency-automatic", "--network-latency-mean", "5");
        assertBadInput("--network-latency-ping-interval: only applies with --network-latency-automatic, not with --network-latency-mean",
                "profile", "-m", "m", "--network-latency-mean", "5", "--network-latency-ping-interval", "2");
        assertBadInput("--network-latency-ping-interval: only applies with --network-latency-automatic; add",
                "profile", "-m", "m", "--network-latency-ping-interval", "2");
    }

    @Test
    void badNumbersNameTheFlag() throws Exception {
        assertBadInput("--network-latency-mean", "profile", "-m", "m", "--network-latency-mean", "-1");
        assertBadInput("--network-latency-mean", "profile", "-m", "m", "--network-latency-mean", "NaN");
        assertBadInput("--network-latency-mean", "profile", "-m", "m", "--network-latency-mean", "1e9");
        assertBadInput("--network-latency-mean", "profile", "-m", "m", "--network-latency-mean", "five");
        assertBadInput("--network-latency-ping-interval", "profile", "-m", "m", "--network-latency-automatic",
                "--network-latency-ping-interval", "0");
        assertBadInput("--network-latency-ping-interval", "profile", "-m", "m", "--network-latency-automatic",
                "--network-latency-ping-interval", "Infinity");
        assertBadInput("--network-latency-ping-interval", "profile", "-m", "m", "--network-latency-automatic",
                "--network-latency-ping-interval", "3600");
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, """
                models: [m]
                network_latency:
                  enabled: true
                  ping_interval: -1
                """);
        assertBadInput("bad.yaml:4:", "profile", "-f", cfg.toString());
        assertBadInput("networkLatency.pingInterval", "profile", "-f", cfg.toString());
    }
}
