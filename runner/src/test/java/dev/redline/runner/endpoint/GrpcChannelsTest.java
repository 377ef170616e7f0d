package dev.redline.runner.endpoint;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gRPC channels over loopback, counted by the mock's gRPC server as HTTP/2 connections: several grpc:// URLs get
 * their share of calls (not all the first), pooled channels grow with the requests in flight, never opens one per
 * call.
 */
class GrpcChannelsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static MockServer mock() {
        return MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1).grpcPort(0));
    }

    private JsonNode profile(String endpoint, String phase, String extra) throws Exception {
        BenchmarkSpec spec = SpecReader.read("""
                models: [mock-model]
                endpoint: {type: kserve, %s}
                dataset: {entries: 4, prompts: {isl: 8, osl: 4}}
                phases: [{%s}]
                %s
                """.formatted(endpoint, phase, extra), "grpc-channels.yaml");
        spec.artifacts().setDir(dir.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int code = new ProfileRun(spec, new RunOptions("none", "warn", false), new PrintStream(console, true, StandardCharsets.UTF_8)).run();
        assertEquals(0, code, console.toString(StandardCharsets.UTF_8));
        JsonNode json = JSON.readTree(dir.resolve("profile_export_redline.json").toFile());
        assertTrue(json.path("error_request_count").isMissingNode() || json.at("/error_request_count/avg").asInt() == 0,
                json.path("error_summary").toString());
        return json;
    }

    @Test
    void severalGrpcUrlsShareTheCallsRoundRobin() throws Exception {
        try (MockServer a = mock(); MockServer b = mock()) {
            JsonNode json = profile("url: '%s', urls: ['%s']".formatted(a.grpcBaseUrl(), b.grpcBaseUrl()), "concurrency: 3, requests: 20", "");
            assertEquals(10, a.metrics().requestsCompleted(), "half of the calls to the first URL");
            assertEquals(10, b.metrics().requestsCompleted(), "half to the second, not all to the first");
            assertEquals(20, json.at("/request_count/avg").asInt());
        }
    }

    @Test
    void pooledChannelsGrowWithTheRequestsInFlightAndNeverOpensOnePerCall() throws Exception {
        try (MockServer m = mock()) {
            profile("url: '%s'".formatted(m.grpcBaseUrl()), "concurrency: 4, requests: 30", "");
            long pooled = m.metrics().grpcConnections();
            assertTrue(pooled <= 2, "one channel (and the readiness probe's) for 4 in flight, got " + pooled);
            long before = m.metrics().grpcConnections();
            profile("url: '%s', connectionReuse: never".formatted(m.grpcBaseUrl()), "concurrency: 2, requests: 12", "");
            long fresh = m.metrics().grpcConnections() - before;
            assertTrue(fresh >= 12, "never: a connection per call (12 calls), got " + fresh);
        }
    }

    @Test
    void manyCallsInFlightSpreadOverSeveralConnections() throws Exception {
        try (MockServer m = MockServer.start(new MockServerOptions().ttftMs(200).itlMs(1).grpcPort(0))) {
            profile("url: '%s'".formatted(m.grpcBaseUrl()), "concurrency: 250, requests: 250", "");
            long opened = m.metrics().grpcConnections();
            assertTrue(opened >= 3 && opened <= 4, "250 in flight: 3 pooled channels (and the probe's), got " + opened);
        }
    }
}
