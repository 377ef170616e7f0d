package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.metrics.MetricsContext;
import dev.redline.runner.metrics.RecordMetricsAccumulator;
import dev.redline.runner.metrics.TestRecord;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.profile.ProfileRun;
import dev.redline.runner.profile.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent that fails mid-run: the coordinator stops after the phase, still writes the exports with what
 * it measured (its own records and the agent's last interval histograms), and says why. The failing agent speaks the real protocol over a real DEALER socket.
 */
class CoordinatorFailureTest {
    @TempDir Path dir;

    @Test
    void anAgentFailureStopsTheRunAndThePartialResultsAreStillExported() throws Exception {
        try (MockServer mock = MockServer.start(new MockServerOptions().ttftMs(2).itlMs(1));
             CoordinatorServer server = CoordinatorServer.bind("127.0.0.1", 0)) {
            BenchmarkSpec spec = SpecReader.read("""
                    models: [mock-model]
                    endpoint: {type: chat, streaming: true}
                    dataset: {entries: 3, prompts: {isl: 8, osl: 3}}
                    phases: [{concurrency: 2, requests: 10}, {name: second, concurrency: 2, requests: 10}]
                    """, "test.yaml");
            spec.endpoint().setUrl(mock.baseUrl());
            spec.artifacts().setDir(dir.toString());
            Coordinator coordinator = new Coordinator(server, spec, 2, Duration.ofSeconds(20), Duration.ofSeconds(20), line -> { });
            // its own thread, not the common pool: it blocks on the socket, and the run's dataset build uses that pool
            java.util.concurrent.ExecutorService agentThread = java.util.concurrent.Executors.newSingleThreadExecutor();
            CompletableFuture<String> agent = CompletableFuture.supplyAsync(() -> failingAgent(server.endpoint()), agentThread);
            agentThread.shutdown();
            int code = new ProfileRun(spec, new RunOptions("none", "error", false),
                    new PrintStream(new ByteArrayOutputStream()), coordinator).run();
            assertEquals("CONFIG,GO", agent.get());
            assertEquals(0, code, "ProfileRun itself completed; the caller reports the failure");
            assertEquals("runner 1: cannot reach the model", coordinator.failure());

            JsonNode summary = new ObjectMapper().readTree(dir.resolve("profile_export_redline.json").toFile());
            // the coordinator's share of phase 1 plus the 3 records of the agent's last interval
            assertEquals(8, summary.at("/request_count/avg").asLong());
            assertEquals(5, mock.metrics().requestsReceived(), "phase 2 never started");
            assertEquals(5000.0, summary.at("/time_to_first_token/max").asDouble(), 5.0, "the agent's interval histograms were merged");
            assertEquals(3, summary.at("/distributed/per_runner/1/request_count").asLong());
            assertTrue(summary.at("/distributed/per_runner/1/partial").asBoolean());
            assertEquals("runner 1: cannot reach the model", summary.at("/distributed/failure").asText());
            assertEquals("runner 1: cannot reach the model", summary.at("/distributed/per_runner/1/failure").asText());
            assertEquals(5, Files.readAllLines(dir.resolve("profile_export.jsonl")).size());
        }
    }

    /** Registers, passes the clock sync and start barrier, then fails on its first GO. */
    private static String failingAgent(String endpoint) {
        try (AgentConnection conn = new AgentConnection(endpoint, 1)) {
            conn.send(Wire.HELLO, Wire.body().put("index", 1));
            String seen = next(conn).type();
            conn.send(Wire.PING, Wire.body().put("t0", ClockSync.wallNowNs()));
            next(conn);
            conn.send(Wire.READY, Wire.body().put("offsetNs", 0).put("rttNs", 1000));
            Wire.Message go = next(conn);
            RecordMetricsAccumulator interval = new RecordMetricsAccumulator(MetricsContext.of(EndpointType.CHAT, true));
            for (int i = 0; i < 3; i++) {
                interval.add(TestRecord.startAt(100 + i * 10).chunks(i * 10 + 5100, i * 10 + 5110, i * 10 + 5120).tokens(8, 3, 0).maxTokens(3).build());
            }
            ObjectNode body = Wire.body();
            body.set("snapshot", Wire.JSON.valueToTree(interval.snapshot(false)));
            conn.send(Wire.INTERVAL, body);
            conn.send(Wire.FAILED, Wire.body().put("message", "runner 1: cannot reach the model"));
            return seen + "," + go.type();
        }
    }

    private static Wire.Message next(AgentConnection conn) {
        Wire.Message m = conn.recv(20_000);
        if (m == null) throw new AssertionError("coordinator went silent");
        return m;
    }
}
