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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIPerf's --request-rate-series against the mock server over loopback: the achieved per-second rates of the sent
 * requests follow the piecewise-linear series (with slack for a loaded 2-core machine), from the CLI's JSON file and
 * from a config's inline rate_series alike.
 */
class RateSeriesProfileTest {
    @TempDir
    Path dir;

    /** Request starts per 1 s window from the start of the first request. */
    private static int[] perSecond(Path artifacts, int windows) throws Exception {
        List<Long> starts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            JsonNode meta = json.readTree(line).path("metadata");
            if (meta.path("benchmark_phase").asText().equals("profiling")) starts.add(meta.path("request_start_ns").asLong());
        }
        long t0 = starts.stream().mapToLong(Long::longValue).min().orElseThrow();
        int[] out = new int[windows];
        for (long s : starts) {
            int w = (int) ((s - t0) / 1_000_000_000L);
            if (w < windows) out[w]++;
        }
        return out;
    }

    /** Series 5 -> 25 req/s over 2 s, then held: stepped every 0.1 s, the windows expect 9.5, 19.5, 25, 25. */
    private static void assertFollowsTheSeries(int[] got) {
        double[] expected = {9.5, 19.5, 25, 25};
        for (int w = 0; w < expected.length; w++) {
            assertTrue(Math.abs(got[w] - expected[w]) <= 0.25 * expected[w] + 2,
                    "second " + w + ": " + got[w] + " requests, expected about " + expected[w] + " (all: " + java.util.Arrays.toString(got) + ")");
        }
        assertTrue(got[3] + got[2] > 3 * got[0], "the rate rose along the series: " + java.util.Arrays.toString(got));
    }

    @Test
    void achievedRatesFollowTheSeriesFromTheCliAndFromAConfig() throws Exception {
        Path series = dir.resolve("series.json");
        Files.writeString(series, "{\"points\": [{\"time_s\": 0, \"qps\": 5}, {\"time_s\": 2, \"qps\": 25}, {\"time_s\": 3, \"qps\": 25}]}");
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).ttftMs(1).itlMs(0.1))) {
            Path cliOut = dir.resolve("cli");
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-u", mock.baseUrl(), "-m", "mock-model", "--tokenizer", "builtin",
                    "--ui-type", "none", "--isl", "8", "--osl", "4", "--no-gpu-telemetry", "--no-server-metrics",
                    "--request-rate-series", series.toString(), "--arrival-pattern", "constant", "--benchmark-duration", "4",
                    "--artifact-dir", cliOut.toString());
            assertEquals(0, r.code(), r.err());
            assertFollowsTheSeries(perSecond(cliOut, 4));
            JsonNode summary = new ObjectMapper().readTree(cliOut.resolve("profile_export_redline.json").toFile());
            double count = summary.path("request_count").path("avg").asDouble();
            assertEquals(79, count, 79 * 0.25, "about the series' integral over 4 s");

            Path cfg = dir.resolve("series.yaml");
            Files.writeString(cfg, """
                    schemaVersion: "2.0"
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s"}
                      tokenizer: {name: builtin}
                      dataset: {type: synthetic, prompts: {isl: 8, osl: 4}}
                      profiling:
                        type: constant
                        duration: 4
                        rate_series: [{time_s: 0, qps: 5}, {timeS: 2, qps: 25}]
                    """.formatted(mock.baseUrl()));
            Path yamlOut = dir.resolve("yaml");
            CliRun y = CliRun.of(RedlineCli.commandLine(), "profile", "-f", cfg.toString(), "--ui-type", "none",
                    "--no-gpu-telemetry", "--no-server-metrics", "--artifact-dir", yamlOut.toString());
            assertEquals(0, y.code(), y.err());
            assertFollowsTheSeries(perSecond(yamlOut, 4));
        }
    }

    /** A config giving both rate sources is refused as AIPerf refuses it: one line naming the key, nothing sent. */
    @Test
    void aConfigWithRateAndRateSeriesIsRefusedBeforeAnyRequest() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0))) {
            Path cfg = dir.resolve("both.yaml");
            Files.writeString(cfg, """
                    benchmark:
                      models: [mock-model]
                      endpoint: {url: "%s"}
                      tokenizer: {name: builtin}
                      phases:
                        - {rate: 3, requests: 5, rateSeries: [{time_s: 0, qps: 1}, {time_s: 1, qps: 2}]}
                    """.formatted(mock.baseUrl()));
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-f", cfg.toString(), "--ui-type", "none",
                    "--artifact-dir", dir.resolve("both").toString());
            String err = r.err().trim();
            assertEquals(2, r.code(), err);
            assertTrue(!err.contains("\n") && err.contains("rate and rateSeries are mutually exclusive"), err);
            assertTrue(err.contains("both.yaml:"), "names the file and line: " + err);
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(mock.baseUrl() + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.lines().anyMatch(l -> l.equals("vllm:request_success_total{model_name=\"mock-model\"} 0.0")),
                    "no inference request was sent");
        }
    }
}
