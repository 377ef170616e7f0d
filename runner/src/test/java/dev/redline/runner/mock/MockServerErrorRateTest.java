package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.mock.fault.FaultPlan;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected HTTP 500s: reproducible for a seed, and close to the configured fraction. */
class MockServerErrorRateTest {
    private static final int REQUESTS = 400;
    private static final double RATE = 0.2;
    private static final Pattern REQUEST_NUMBER = Pattern.compile("request (\\d+)");

    /** Request numbers (the server's seeded draw index, echoed in the error message) that got a 500. */
    private static Set<Integer> failingRequests(long seed) throws Exception {
        Set<Integer> failed = new TreeSet<>();
        Vertx clientVertx = Vertx.vertx();
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).errorRate(RATE)
                .randomSeed(seed).eventLoops(1).promptTokenCounter(String::length))) {
            HttpClient client = clientVertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(16));
            List<Future<HttpClientResponse>> responses = new ArrayList<>();
            List<Future<Buffer>> bodies = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Future<HttpClientResponse> response = client
                        .request(HttpMethod.POST, server.port(), "127.0.0.1", "/v1/completions")
                        .compose(req -> req.send("{\"prompt\":\"x\",\"max_tokens\":1}"));
                responses.add(response);
                bodies.add(response.compose(HttpClientResponse::body));
            }
            Future.all(bodies).await();
            for (int i = 0; i < REQUESTS; i++) {
                int status = responses.get(i).result().statusCode();
                JsonNode body = MockHttp.JSON.readTree(bodies.get(i).result().getBytes());
                if (status == 500) {
                    assertEquals(500, body.at("/error/code").asInt());
                    Matcher m = REQUEST_NUMBER.matcher(body.at("/error/message").asText());
                    assertTrue(m.find(), body.toString());
                    failed.add(Integer.parseInt(m.group(1)));
                } else {
                    assertEquals(200, status, body.toString());
                }
            }
            assertEquals(failed.size(), server.metrics().errorsInjected());
            assertEquals(REQUESTS - failed.size(), server.metrics().requestsCompleted());
        } finally {
            clientVertx.close().await();
        }
        return failed;
    }

    @Test
    void sameSeedSameFailuresAndFractionWithinBinomialBounds() throws Exception {
        Set<Integer> first = failingRequests(42);
        assertEquals(first, failingRequests(42));
        // 400 * 0.2 = 80 expected, sd = sqrt(400 * 0.2 * 0.8) = 8; allow 5 sd.
        assertTrue(first.size() >= 40 && first.size() <= 120, "failures: " + first.size());
        FaultPlan otherSeed = new FaultPlan(new MockServerOptions().errorRate(RATE).effectiveFaults(), 7);
        Set<Integer> other = new TreeSet<>();
        for (int i = 0; i < REQUESTS; i++) if (otherSeed.decide(i, 0) != null) other.add(i);
        assertTrue(other.size() >= 40 && other.size() <= 120, "failures: " + other.size());
        assertTrue(!first.equals(other), "a different seed should fail different requests");
    }

    @Test
    void zeroRateNeverFails() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).eventLoops(1)
                .promptTokenCounter(String::length))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (MockHttp.Reply r : http.postMany("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}", 100, 20)) {
                assertEquals(200, r.status(), r.body());
            }
        }
    }
}
