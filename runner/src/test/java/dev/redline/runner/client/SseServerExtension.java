package dev.redline.runner.client;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x instance and one {@link TestSseServer} per test class, with the server's knobs and counters
 * reset before every test so no test sees another's settings. Register it as a static field:
 * {@code @RegisterExtension static final SseServerExtension sse = new SseServerExtension(20, 5);}
 */
public final class SseServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final int ttftMs;
    private final int itlMs;
    private Vertx vertx;
    private TestSseServer server;

    /** Before each test the server answers with its own default delays. */
    public SseServerExtension() {
        this(TestSseServer.DEFAULT_TTFT_MS, TestSseServer.DEFAULT_ITL_MS);
    }

    /** Before each test the server answers with these delays (a test may still change them). */
    public SseServerExtension(int ttftMs, int itlMs) {
        this.ttftMs = ttftMs;
        this.itlMs = itlMs;
    }

    public Vertx vertx() { return vertx; }

    public TestSseServer server() { return server; }

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        server = new TestSseServer(vertx);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset(ttftMs, itlMs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        vertx.close().await();
    }
}
