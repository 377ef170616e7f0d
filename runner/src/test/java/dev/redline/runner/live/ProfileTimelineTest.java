package dev.redline.runner.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrated test: a profile against the mock server (vLLM-style /metrics and the DCGM
 * simulator) with live metrics, time slices and HTTP trace metrics. What the runner sent and received
 * must equal the server's counter deltas, the live counters and the slices' sums; GPU energy must match
 * the integral of the power samples.
 */
class ProfileTimelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 48;

    @TempDir Path dir;

    @Test
    void runnerServerGpuLiveAndSlicesAgree() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(20).itlMs(4).dcgmPort(0))) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    tokenizer: {name: builtin}
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 16, prompts: {isl: {mean: 60, stddev: 0}, osl: 12}}
                    phases: [{kind: profiling, concurrency: 4, requests: %d}]
                    telemetry: {serverMetricsInterval: 0.1, gpuTelemetry: true, gpuTelemetryInterval: 0.1,
                                gpuTelemetryUrls: ['%s/metrics']}
                    artifacts: {sliceDuration: 0.25}
                    random_seed: 3
                    """.formatted(REQUESTS, mock.dcgmBaseUrl()), "test.yaml");
            spec.endpoint().setUrl(mock.baseUrl());
            spec.artifacts().setDir(dir.toString());
            int port = freePort();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            ProfileRun run = new ProfileRun(spec, new RunOptions("none", "warn", null, port, true),
                    new PrintStream(console, true, StandardCharsets.UTF_8));
            Scrapes scrapes = new Scrapes(port);
            // its own thread, not the common pool, which the run itself uses for parallel work
            java.util.concurrent.ExecutorService runThread = java.util.concurrent.Executors.newSingleThreadExecutor();
            CompletableFuture<Integer> result = CompletableFuture.supplyAsync(run::run, runThread);
            runThread.shutdown();
            scrapes.until(result);
            assertEquals(0, result.get(60, TimeUnit.SECONDS));

            JsonNode summary = JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
            long requests = summary.at("/request_count/avg").asLong();
            long isl = summary.at("/total_isl/avg").asLong();
            long osl = summary.at("/total_osl/avg").asLong();
            assertEquals(REQUESTS, requests);
            assertEquals(REQUESTS * 60L, isl);

            // The live endpoint, scraped while the run was going and once it was final.
            assertTrue(scrapes.count() >= 2, "scrapes during the run: " + scrapes.count());
            PromText fin = new PromText(scrapes.finalText());
            assertEquals(REQUESTS, fin.value("redline_requests_sent_total", "phase", "profiling"), scrapes.finalText());
            assertEquals(REQUESTS, fin.value("redline_requests_completed_total", "phase", "profiling"));
            assertEquals(0, fin.value("redline_requests_errors_total", "phase", "profiling"));
            assertEquals(REQUESTS, fin.value("redline_time_to_first_token_seconds_count", null, null));
            assertTrue(scrapes.sawInFlight(), "in flight was never above 0 while running");

            // The server's counter deltas over the profiling window equal what the runner sent and received
            // (no warmup here: the scrape before the window would not bracket warmup requests ending just before it).
            JsonNode server = JSON.readTree(dir.resolve("server_metrics_export.json").toFile()).get("key_metrics")
                    .elements().next();
            assertEquals(requests, server.at("/requests_completed/total").asLong(), server.toString());
            assertEquals(isl, server.at("/prompt_tokens/total").asLong());
            assertEquals(osl, server.at("/generation_tokens/total").asLong());

            // GPU energy (the exporter's counter) equals the integral of its power samples.
            JsonNode gpus = JSON.readTree(dir.resolve("gpu_telemetry_export.json").toFile()).get("gpus");
            assertTrue(gpus.size() > 0);
            for (JsonNode g : gpus) {
                double counter = g.at("/energy/energy_counter_joules").asDouble();
                double integral = g.at("/energy/power_integral_joules").asDouble();
                assertTrue(counter > 0, g.toString());
                // trapezoids over scrape-time samples: under load the scrapes of a <1 s window land unevenly (5.7 % off was
                // seen on a loaded 2-core box); 15 % still catches a wrong unit, a missing sample or a counter read as power
                assertEquals(counter, integral, 0.15 * counter, "energy counter vs power integral: " + g.get("energy"));
            }

            // Slices partition the run and carry the server and GPU samples of their window.
            JsonNode slices = JSON.readTree(dir.resolve("profile_export_redline_timeslices.json").toFile()).get("timeslices");
            long sliced = 0;
            long slicedOsl = 0;
            long previousEnd = -1;
            boolean anyServer = false;
            boolean anyGpu = false;
            for (JsonNode s : slices) {
                sliced += s.at("/request_count/avg").asLong(0);
                slicedOsl += Math.round(s.at("/output_sequence_length/avg").asDouble(0) * s.at("/request_count/avg").asLong(0));
                if (previousEnd >= 0) assertEquals(previousEnd, s.get("start_ns").asLong(), "slices are contiguous");
                previousEnd = s.get("end_ns").asLong();
                anyServer |= s.get("server").elements().hasNext()
                        && s.get("server").elements().next().has("requests_running");
                anyGpu |= s.get("gpu").elements().hasNext()
                        && s.get("gpu").elements().next().has("gpu_power_usage");
            }
            assertTrue(slices.size() >= 2, "slices: " + slices.size());
            assertEquals(requests, sliced);
            assertEquals(osl, slicedOsl);
            assertTrue(anyServer, "no slice carries server samples");
            assertTrue(anyGpu, "no slice carries GPU samples");
            List<String> csv = Files.readAllLines(dir.resolve("profile_export_redline_timeslices.csv"));
            assertTrue(csv.stream().anyMatch(l -> l.startsWith("0,server:requests_running,")), csv.subList(0, 5).toString());

            // HTTP trace metrics: in the summary, per record, and the phases add up.
            assertTrue(summary.has("http_req_duration") && summary.has("http_req_waiting"));
            List<String> lines = Files.readAllLines(dir.resolve("profile_export.jsonl"));
            int fresh = 0;
            for (String line : lines) {
                JsonNode rec = JSON.readTree(line);
                JsonNode m = rec.get("metrics");
                double startToEndMs = (rec.at("/metadata/request_end_ns").asLong() - rec.at("/metadata/request_start_ns").asLong()) / 1e6;
                if (m.at("/http_req_connection_reused/value").asInt() == 0) fresh++;
                double parts = m.at("/http_req_sending/value").asDouble() + m.at("/http_req_waiting/value").asDouble()
                        + m.at("/http_req_receiving/value").asDouble();
                assertEquals(m.at("/http_req_duration/value").asDouble(), parts, 1e-6, line);
                assertTrue(m.at("/http_req_duration/value").asDouble() <= startToEndMs + 1e-3, line); // inside the exchange
                assertTrue(m.at("/http_req_waiting/value").asDouble() > 0, line);
            }
            assertEquals(REQUESTS, lines.size());
            assertTrue(fresh >= 1 && fresh <= 4, "new connections: " + fresh); // at most one per concurrent slot
            String table = console.toString(StandardCharsets.UTF_8);
            assertTrue(table.contains("HTTP Waiting (TTFB)"), "--show-trace-timing shows the trace metrics");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls the live endpoint until the run ends; keeps the first text that says the run is finished. */
    private static final class Scrapes {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final URI uri;
        private final List<String> texts = new ArrayList<>();
        private String finalText;
        private final AtomicBoolean inFlight = new AtomicBoolean();

        Scrapes(int port) {
            uri = URI.create("http://127.0.0.1:" + port + "/metrics");
        }

        void until(CompletableFuture<?> run) throws InterruptedException {
            while (!run.isDone() && finalText == null) {
                try {
                    String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
                    texts.add(body);
                    PromText t = new PromText(body);
                    if (t.value("redline_requests_in_flight", null, null) > 0) inFlight.set(true);
                    if (t.value("redline_run_finished", null, null) == 1) finalText = body;
                } catch (java.io.IOException notYetListening) {
                    // the endpoint starts after the dataset is built
                }
                Thread.sleep(5);
            }
        }

        int count() { return texts.size(); }

        boolean sawInFlight() { return inFlight.get(); }

        String finalText() {
            assertNotNull(finalText, "the run ended before a scrape saw its final counters");
            assertFalse(finalText.isEmpty());
            return finalText;
        }
    }
}
