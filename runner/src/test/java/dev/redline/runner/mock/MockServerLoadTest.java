package dev.redline.runner.mock;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many concurrent streams, sub-millisecond gaps and abandoned streams keep counts and ground truth. */
class MockServerLoadTest {

    @Test
    void concurrentStreamsEachGetAllTokensNoEarlierThanTheirSchedule() throws Exception {
        int streams = 64;
        int tokens = 30;
        double ttftMs = 10;
        double itlMs = 0.4; // below Vert.x's 1 ms setTimer resolution: proves nanosecond timers work
        Vertx clientVertx = Vertx.vertx();
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(ttftMs).itlMs(itlMs).eventLoops(2))) {
            HttpClient client = clientVertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(streams));
            String body = "{\"stream\":true,\"max_tokens\":" + tokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            List<Future<Long>> elapsed = new ArrayList<>();
            List<Future<Buffer>> bodies = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                long sent = System.nanoTime();
                Future<Buffer> b = client.request(HttpMethod.POST, server.port(), "127.0.0.1", "/v1/chat/completions")
                        .compose(req -> req.send(body)).compose(resp -> resp.body());
                bodies.add(b);
                elapsed.add(b.map(x -> System.nanoTime() - sent));
            }
            Future.all(bodies).await();
            for (int i = 0; i < streams; i++) {
                String text = bodies.get(i).result().toString();
                assertEquals(tokens, count(text, "\"content\":\" "), "stream " + i);
                assertTrue(text.endsWith("data: [DONE]\n\n"));
                double ms = elapsed.get(i).result() / 1e6;
                assertTrue(ms >= ttftMs + (tokens - 1) * itlMs - 1, "stream " + i + " ended after " + ms + " ms");
            }
            assertEquals(streams, server.metrics().requestsCompleted());
            assertEquals((long) streams * tokens, server.metrics().tokensGenerated());
        } finally {
            clientVertx.close().await();
        }
    }

    @Test
    void abandonedStreamIsNotASuccessAndLeavesNothingRunning() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(20).eventLoops(1))) {
            Vertx clientVertx = Vertx.vertx();
            try {
                HttpClient client = clientVertx.createHttpClient();
                String body = "{\"stream\":true,\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
                client.request(HttpMethod.POST, server.port(), "127.0.0.1", "/v1/chat/completions")
                        .compose(req -> req.send(body))
                        .compose(resp -> {
                            // Read the first chunk, then drop the connection mid-stream.
                            io.vertx.core.Promise<Void> first = io.vertx.core.Promise.promise();
                            resp.handler(chunk -> {
                                resp.request().connection().close();
                                first.tryComplete();
                            });
                            return first.future();
                        }).await();
            } finally {
                clientVertx.close().await();
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            String metrics;
            do {
                Thread.sleep(20);
                metrics = new MockHttp(server.baseUrl()).get("/metrics").body();
            } while (!metrics.contains("vllm:num_requests_running{model_name=\"mock-model\"} 0.0") && System.nanoTime() < deadline);
            assertTrue(metrics.contains("vllm:num_requests_running{model_name=\"mock-model\"} 0.0"), metrics);
            assertTrue(metrics.contains("vllm:request_success_total{model_name=\"mock-model\"} 0.0"), metrics);
            assertEquals(0, server.metrics().requestsCompleted());
            assertTrue(server.metrics().tokensGenerated() < 500, "stream went on after the client left");
        }
    }

    @Test
    void jitterIsSeededAndOnlyAddsDelay() {
        MockServerOptions options = new MockServerOptions().ttftMs(20).itlMs(5).jitterMs(3).randomSeed(9);
        ServedPlan a = new ServedPlan(options);
        ServedPlan b = new ServedPlan(options);
        boolean varied = false;
        for (int i = 0; i < 200; i++) {
            long gap = a.gapNanos(3, i);
            long base = i == 0 ? 20_000_000L : 5_000_000L;
            assertTrue(gap >= base && gap < base + 3_000_000L, "gap " + gap);
            assertEquals(gap, b.gapNanos(3, i));
            varied |= gap != base;
        }
        assertTrue(varied);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
