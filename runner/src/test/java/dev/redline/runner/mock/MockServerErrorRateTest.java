package dev.redline.runner.mock;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Injected HTTP 500s: reproducible for a seed, and close to the configured fraction. */
class MockServerErrorRateTest {
    private static final int REQUESTS = 400;
    private static final double RATE = 0.2;

    private static List<Integer> failingRequests(long seed) throws Exception {
        List<Integer> failed = new ArrayList<>();
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).errorRate(RATE)
                .randomSeed(seed).eventLoops(1))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (int i = 0; i < REQUESTS; i++) {
                MockHttp.Reply r = http.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}");
                if (r.status() == 500) {
                    assertEquals(500, r.json().at("/error/code").asInt());
                    failed.add(i);
                } else {
                    assertEquals(200, r.status(), r.body());
                }
            }
            assertEquals(failed.size(), server.metrics().errorsInjected());
            assertEquals(REQUESTS - failed.size(), server.metrics().requestsCompleted());
        }
        return failed;
    }

    @Test
    void sameSeedSameFailuresAndFractionWithinBinomialBounds() throws Exception {
        List<Integer> first = failingRequests(42);
        assertEquals(first, failingRequests(42));
        // 400 * 0.2 = 80 expected, sd = sqrt(400 * 0.2 * 0.8) = 8; allow 5 sd.
        assertTrue(first.size() >= 40 && first.size() <= 120, "failures: " + first.size());
        List<Integer> other = failingRequests(7);
        assertTrue(other.size() >= 40 && other.size() <= 120, "failures: " + other.size());
        assertTrue(!first.equals(other), "a different seed should fail different requests");
    }

    @Test
    void zeroRateNeverFails() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).eventLoops(1))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (int i = 0; i < 50; i++) {
                assertEquals(200, http.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}").status());
            }
        }
    }
}
