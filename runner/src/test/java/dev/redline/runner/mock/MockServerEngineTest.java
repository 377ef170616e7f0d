package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.mock.engine.EngineConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --engine sim} over loopback: the served token times follow the simulated engine. Bounds are the model's
 * step times (a token is never early: the virtual clock is the server's nanoTime) plus slack for a loaded 2-core
 * machine.
 */
class MockServerEngineTest {
    /** Slow enough steps to measure on a busy machine; no context term, so step times are exact per batch. */
    private static final EngineConfig SLOW = EngineConfig.defaults().withStepTime(8, 0.5, 0.05, 0);

    private static MockServer start(EngineConfig engine) {
        return MockServer.start(new MockServerOptions().engine(engine).eventLoops(2));
    }

    private static String words(int n, int salt) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(" river").append((i * 7919 + salt) % 1000);
        return b.toString();
    }

    private static String chat(String prompt, int maxTokens) {
        return "{\"model\":\"mock-model\",\"stream\":true,\"max_completion_tokens\":" + maxTokens
                + ",\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":"
                + JsonText.quote(prompt) + "}]}";
    }

    /** Client-side timing of one stream: TTFT and the token gaps, ms, and the prompt tokens the server counted. */
    private record Timed(double ttftMs, List<Double> gapsMs, int promptTokens) {
        double medianGap() {
            List<Double> s = new ArrayList<>(gapsMs);
            s.sort(null);
            return s.get(s.size() / 2);
        }
    }

    private static Timed timed(MockHttp http, String body) throws Exception {
        MockHttp.Stream s = http.stream("/v1/chat/completions", body);
        assertEquals(200, s.status());
        List<Long> tokenTimes = new ArrayList<>();
        int prompt = -1;
        for (MockHttp.Event e : s.events()) {
            if (e.data().equals("[DONE]")) continue;
            JsonNode j = e.json();
            if (j.at("/choices/0/delta/content").isTextual()) tokenTimes.add(e.nanos());
            if (j.has("usage")) prompt = j.at("/usage/prompt_tokens").asInt();
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < tokenTimes.size(); i++) gaps.add((tokenTimes.get(i) - tokenTimes.get(i - 1)) / 1e6);
        return new Timed((tokenTimes.get(0) - s.sentNanos()) / 1e6, gaps, prompt);
    }

    @Test
    void atLowLoadTtftIsThePrefillStepAndItlOneSequenceStep() throws Exception {
        try (MockServer server = start(SLOW.withPrefixCaching(false))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (int i = 0; i < 3; i++) timed(http, chat(words(300, i), 20)); // JIT warm-up
            List<Double> ttftExcess = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Timed t = timed(http, chat(words(600, 100 + i), 30));
                double prefill = SLOW.stepMs(0, t.promptTokens(), t.promptTokens());
                assertTrue(prefill > 40, "a long prefill: " + prefill);
                assertTrue(t.ttftMs() >= prefill - 1, "TTFT " + t.ttftMs() + " below the prefill step " + prefill);
                ttftExcess.add(t.ttftMs() - prefill);
                gaps.add(t.medianGap());
            }
            ttftExcess.sort(null);
            gaps.sort(null);
            assertTrue(ttftExcess.get(2) < 25, "median TTFT excess over the prefill step " + ttftExcess);
            double oneSeqStep = SLOW.stepMs(1, 0, 0);
            assertTrue(gaps.get(2) >= oneSeqStep - 1.5 && gaps.get(2) <= oneSeqStep + 5, "ITL " + gaps + " vs " + oneSeqStep);
        }
    }

    @Test
    void aPrefixCacheHitSkipsMostOfThePrefill() throws Exception {
        try (MockServer server = start(SLOW)) {
            MockHttp http = new MockHttp(server.baseUrl());
            timed(http, chat(words(50, 9), 5)); // JIT warm-up, another prompt
            String prompt = words(1500, 1);
            Timed cold = timed(http, chat(prompt, 5));
            double coldModel = SLOW.stepMs(0, cold.promptTokens(), cold.promptTokens());
            assertTrue(cold.ttftMs() >= coldModel - 1, cold + " vs " + coldModel);
            // the best of three repeats: a stall of the shared machine can delay any single one
            double warm = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) warm = Math.min(warm, timed(http, chat(prompt, 5)).ttftMs());
            assertTrue(warm < coldModel / 3, "cached TTFT " + warm + " vs the cold prefill step " + coldModel);
            String metrics = http.get("/metrics").body();
            double queried = value(metrics, "vllm:prefix_cache_queries_total");
            double hits = value(metrics, "vllm:prefix_cache_hits_total");
            int p = cold.promptTokens();
            assertTrue(hits >= 3 * (p - 16) && hits < 3 * p, "three full hits of " + p + " tokens: " + hits + " of " + queried);
            assertEquals(value(metrics, "vllm:prompt_tokens_total"), queried, "every admission looks its prompt up");
        }
    }

    @Test
    void theSameSeedServesIdenticalEngineTimingsAnotherSeedDoesNot() throws Exception {
        EngineConfig jittery = SLOW.withStepTime(2, 0.5, 0.01, 0.1).withStepJitterMs(3);
        String[] a = engineSums(jittery, 7);
        String[] b = engineSums(jittery, 7);
        assertEquals(a[0], b[0], "TTFT sums");
        assertEquals(a[1], b[1], "ITL sums");
        String[] c = engineSums(jittery, 8);
        assertNotEquals(a[1], c[1]);
    }

    /** Sequential requests on a fresh server; the engine-side TTFT and ITL histogram sums. */
    private static String[] engineSums(EngineConfig engine, long seed) throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().engine(engine).randomSeed(seed))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (int i = 0; i < 6; i++) timed(http, chat(words(100 + 50 * i, i), 10 + i));
            String m = http.get("/metrics").body();
            return new String[] {line(m, "vllm:time_to_first_token_seconds_sum"), line(m, "vllm:inter_token_latency_seconds_sum")};
        }
    }

    @Test
    void gaugesShowTheBatchAndTheQueueAndDcgmFollowsTheLoad() throws Exception {
        EngineConfig four = SLOW.withMaxNumSeqs(4).withStepTime(5, 0.5, 0.01, 0);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (MockServer server = MockServer.start(new MockServerOptions().engine(four).dcgmPort(0))) {
            MockHttp http = new MockHttp(server.baseUrl());
            double idleWatts = server.dcgmSimulator().powerWatts(0);
            List<Future<Timed>> streams = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int salt = i;
                streams.add(clients.submit(() -> timed(new MockHttp(server.baseUrl()), chat(words(100, salt), 500))));
            }
            // 500 tokens at ~7 ms: the first four run for 3.5 s, the last two wait behind them
            String m = http.get("/metrics").body();
            long deadline = System.nanoTime() + 3_000_000_000L;
            // a request that arrives during a step waits for the next one even with a free slot: poll for the full batch
            while (!(value(m, "vllm:num_requests_running") == 4 && value(m, "vllm:num_requests_waiting") == 2)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
                m = http.get("/metrics").body();
            }
            assertEquals(4, value(m, "vllm:num_requests_running"), m);
            assertEquals(2, value(m, "vllm:num_requests_waiting"), m);
            double kv = value(m, "vllm:kv_cache_usage_perc");
            assertTrue(kv > 0 && kv < 0.01, "4 x ~600 tokens of 400000: " + kv);
            Thread.sleep(2500);
            double busyWatts = server.dcgmSimulator().powerWatts(0);
            assertTrue(busyWatts > idleWatts + 100, "power " + idleWatts + " W idle, " + busyWatts + " W with a batch of 4");
            for (Future<Timed> f : streams) assertEquals(499, f.get().gapsMs().size());
            String after = http.get("/metrics").body();
            assertEquals(0, value(after, "vllm:num_requests_running"));
            assertEquals(0, value(after, "vllm:num_requests_waiting"));
            assertEquals(0, value(after, "vllm:kv_cache_usage_perc"));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aClientThatLeavesFreesItsSequence() throws Exception {
        try (MockServer server = start(SLOW)) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                byte[] body = chat(words(50, 3), 100_000).getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[4096];
                int total = 0;
                while (total < 2000) total += in.read(buf); // headers and some tokens
            }
            MockHttp http = new MockHttp(server.baseUrl());
            double running = 1;
            for (int i = 0; i < 100 && running > 0; i++) {
                Thread.sleep(50);
                running = value(http.get("/metrics").body(), "vllm:num_requests_running");
            }
            assertEquals(0, running, "the engine dropped the abandoned sequence");
            assertEquals(0, value(http.get("/metrics").body(), "vllm:kv_cache_usage_perc"));
        }
    }

    @Test
    void aRequestLongerThanTheKvCacheIsRefusedAndWholeBodiesComeAtTheLastToken() throws Exception {
        try (MockServer server = start(SLOW.withKvCacheTokens(1000))) {
            MockHttp http = new MockHttp(server.baseUrl());
            MockHttp.Reply refused = http.post("/v1/chat/completions", chat("hello there", 2000));
            assertEquals(400, refused.status());
            assertTrue(refused.json().at("/error/message").asText().contains("maximum context length is 992 tokens"), refused.body());

            String whole = "{\"model\":\"mock-model\",\"max_tokens\":20,\"prompt\":\"hello there river\"}";
            long sent = System.nanoTime();
            MockHttp.Reply r = http.post("/v1/completions", whole);
            double ms = (System.nanoTime() - sent) / 1e6;
            assertEquals(200, r.status());
            assertEquals(20, r.json().at("/usage/completion_tokens").asInt());
            int prompt = r.json().at("/usage/prompt_tokens").asInt();
            double model = SLOW.stepMs(0, prompt, prompt) + 19 * SLOW.stepMs(1, 0, 0);
            assertTrue(ms >= model - 1, "whole body after " + ms + " ms, model " + model);
        }
    }

    private static String line(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{")).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), name + " in\n" + metrics);
        return Double.parseDouble(m.group(1));
    }
}
