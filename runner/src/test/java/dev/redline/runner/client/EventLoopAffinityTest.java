package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.redline.runner.client.ClientTestSupport.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's contexts use every event loop, and an exchange never leaves the loop it was sent from. */
class EventLoopAffinityTest {

    private static Thread threadOf(Context ctx) throws Exception {
        CompletableFuture<Thread> t = new CompletableFuture<>();
        ctx.runOnContext(v -> t.complete(Thread.currentThread()));
        return t.get(10, TimeUnit.SECONDS);
    }

    @Test
    void contextsSitOnDistinctLoopsAndCompletionsStayOnTheSendersLoop() throws Exception {
        // as the runner: as many contexts as event loops (the server has its own Vert.x, so it takes none of them)
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Vertx serverVertx = Vertx.vertx();
        TestSseServer server = new TestSseServer(serverVertx);
        try (InferenceClient client = new InferenceClient(vertx, config(server.url(), EndpointType.CHAT, true, 8, 10), 2)) {
            List<Context> contexts = client.contexts();
            assertEquals(2, contexts.size());
            Set<Thread> threads = new HashSet<>();
            for (Context c : contexts) threads.add(threadOf(c));
            assertEquals(2, threads.size(), "one context per event loop, none doubled up: " + threads);

            RequestFactory f = RequestFactory.forConfig(client.config());
            for (Context c : contexts) {
                Thread loop = threadOf(c);
                for (int i = 0; i < 3; i++) {
                    CompletableFuture<Thread> completedOn = new CompletableFuture<>();
                    RequestRecord rec = new RequestRecord(i, RequestRecord.Phase.PROFILING);
                    c.runOnContext(v -> client.send(f.build(Turn.ofText("hi", 1, 3), "test-model"), rec,
                            () -> completedOn.complete(Thread.currentThread())));
                    assertEquals(loop, completedOn.get(20, TimeUnit.SECONDS), "request " + i + " completed on another thread");
                    assertTrue(rec.isValid());
                }
            }
        } finally {
            server.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
