package dev.redline.runner.mock;

import org.junit.jupiter.api.Test;

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
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).errorRate(RATE)
                .randomSeed(seed).eventLoops(1))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (MockHttp.Reply r : http.postMany("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}", REQUESTS, 40)) {
                if (r.status() == 500) {
                    assertEquals(500, r.json().at("/error/code").asInt());
                    Matcher m = REQUEST_NUMBER.matcher(r.json().at("/error/message").asText());
                    assertTrue(m.find(), r.body());
                    failed.add(Integer.parseInt(m.group(1)));
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
        Set<Integer> first = failingRequests(42);
        assertEquals(first, failingRequests(42));
        // 400 * 0.2 = 80 expected, sd = sqrt(400 * 0.2 * 0.8) = 8; allow 5 sd.
        assertTrue(first.size() >= 40 && first.size() <= 120, "failures: " + first.size());
        ServedPlan otherSeed = new ServedPlan(new MockServerOptions().errorRate(RATE).randomSeed(7));
        Set<Integer> other = new TreeSet<>();
        for (int i = 0; i < REQUESTS; i++) if (otherSeed.fails(i)) other.add(i);
        assertTrue(other.size() >= 40 && other.size() <= 120, "failures: " + other.size());
        assertTrue(!first.equals(other), "a different seed should fail different requests");
    }

    @Test
    void zeroRateNeverFails() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).eventLoops(1))) {
            MockHttp http = new MockHttp(server.baseUrl());
            for (MockHttp.Reply r : http.postMany("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}", 100, 20)) {
                assertEquals(200, r.status(), r.body());
            }
        }
    }
}
