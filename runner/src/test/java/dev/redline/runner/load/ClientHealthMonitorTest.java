package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import dev.redline.runner.client.TestSseServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientHealthMonitorTest {
    @Test
    void highClientLagIsReportedAsSaturationWithEvidence() {
        Vertx vertx = Vertx.vertx();
        try {
            ClientHealthMonitor m = new ClientHealthMonitor(vertx);
            for (int i = 0; i < 100; i++) m.recordClientLag(1_000_000L);      // 1 ms
            ClientSaturation ok = m.report();
            assertFalse(ok.saturated(), ok.reasons().toString());
            assertEquals(1.0, ok.clientLagP99Ms(), 0.01);
            for (int i = 0; i < 10; i++) m.recordClientLag(50_000_000L);      // 50 ms: p99 now above 10 ms
            m.addReanchors(2);
            ClientSaturation bad = m.report();
            assertTrue(bad.saturated());
            assertTrue(bad.reasons().stream().anyMatch(r -> r.startsWith("client send lag p99 50.0 ms")), bad.reasons().toString());
            assertTrue(bad.reasons().stream().anyMatch(r -> r.contains("re-anchored 2 times")));
            assertEquals(50.0, bad.clientLagMaxMs(), 0.1);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aRunFillsTheEvidence() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestSseServer server = new TestSseServer(vertx);
             LoadHarness h = new LoadHarness(vertx, server.url(), ListDataset.singleTurn(3, 2), List.of("m"), 8, 10)) {
            server.ttftMs = 100; // long enough for several event-loop probes
            h.runner.run(List.of(LoadHarness.rated(LoadType.CONSTANT, 100, null, 20, null)));
            ClientSaturation s = h.runner.clientSaturation();
            assertTrue(s.clientLagMaxMs() >= s.clientLagP50Ms() && s.clientLagP50Ms() >= 0);
            assertTrue(s.eventLoopLagMaxMs() >= 0);
            assertEquals(s.saturated(), !s.reasons().isEmpty());
        } finally {
            vertx.close().await();
        }
    }
}
