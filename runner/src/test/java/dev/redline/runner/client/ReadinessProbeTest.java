package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReadinessProbeTest {
    @Test
    void reachableServerPassesAndRefusedPortGivesOneLine() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestSseServer server = new TestSseServer(vertx)) {
            ClientConfig ok = ClientTestSupport.config(server.url(), EndpointType.CHAT, true, 1, 5);
            assertNull(new ReadinessProbe(vertx, ok).problem());
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ClientConfig bad = ClientTestSupport.config("127.0.0.1:" + port, EndpointType.CHAT, true, 1, 5);
            String msg = new ReadinessProbe(vertx, bad, Duration.ofMillis(600), Duration.ofMillis(100)).problem();
            assertEquals("cannot connect to http://127.0.0.1:" + port + " (connection refused); is the server running? check --url", msg);
        } finally {
            vertx.close().await();
        }
    }
}
