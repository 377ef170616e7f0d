package dev.redline.runner.mock;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A zero-latency mock writes a whole body inside the pacer's call: the response must still be whole and the
 * server must raise nothing (it used to set a close handler on the written response, an exception with a stack
 * trace logged per request, which cost the mock most of its CPU in a ceiling benchmark).
 */
class MockServerImmediateBodyTest {
    @Test
    void zeroLatencyWholeBodiesRaiseNothing() throws Exception {
        try (MockServer server = MockServer.start(new MockServerOptions().ttftMs(0).itlMs(0).eventLoops(1))) {
            List<Throwable> raised = new CopyOnWriteArrayList<>();
            server.vertx().exceptionHandler(raised::add);
            MockHttp http = new MockHttp(server.baseUrl());
            for (int i = 0; i < 20; i++) {
                MockHttp.Reply r = http.post("/v1/chat/completions", "{\"model\":\"mock-model\",\"max_completion_tokens\":4,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
                assertEquals(200, r.status());
                assertTrue(r.body().contains("\"finish_reason\":\"length\""), r.body());
            }
            assertEquals(List.of(), raised);
        }
    }
}
