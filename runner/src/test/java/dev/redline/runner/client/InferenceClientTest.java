package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.redline.runner.client.ClientTestSupport.config;
import static dev.redline.runner.client.ClientTestSupport.median;
import static dev.redline.runner.client.ClientTestSupport.ms;
import static dev.redline.runner.client.ClientTestSupport.sendAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceClientTest {
    private static final double SLACK_MS = 25;
    @RegisterExtension
    static final SseServerExtension sse = new SseServerExtension(30, 15);

    private static Turn turn(int maxTokens) {
        return Turn.ofText("hello there", 2, maxTokens);
    }

    @Test
    void streamingChatTimestampsMatchGroundTruth() throws Exception {
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 4, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            for (int i = 0; i < 3; i++) sendAndWait(client, f, turn(2)); // warm the connection and JIT; not measured
            List<Double> ttfts = new ArrayList<>();
            List<Double> gaps = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                RequestRecord r = sendAndWait(client, f, turn(8));
                assertTrue(r.isValid(), "valid record");
                assertEquals(200, r.httpStatus());
                assertEquals(8, r.chunkCount(), "role-only, comment, usage and [DONE] events are not content");
                assertTrue(r.outputText().startsWith("word0 word1 "));
                assertEquals(8, r.usage().completionTokens());
                assertTrue(r.ackPerfNs() >= r.startPerfNs() && r.firstChunkPerfNs() >= r.ackPerfNs());
                assertTrue(r.endPerfNs() >= r.lastChunkPerfNs());
                assertTrue(r.startWallNs() > 1_600_000_000_000_000_000L);
                ttfts.add(ms(r.firstChunkPerfNs() - r.startPerfNs()));
                // the server writes the last event no earlier than arrival + ttft + 7 itl: a hard lower bound
                assertTrue(ms(r.lastChunkPerfNs() - r.startPerfNs()) >= 30 + 7 * 15);
                for (int k = 1; k < r.chunkCount(); k++) gaps.add(ms(r.chunkPerfNs(k) - r.chunkPerfNs(k - 1)));
            }
            double ttft = median(ttfts.stream().mapToDouble(d -> d).toArray());
            double gap = median(gaps.stream().mapToDouble(d -> d).toArray());
            double[] sorted = gaps.stream().mapToDouble(d -> d).sorted().toArray();
            double p75 = sorted[sorted.length * 3 / 4];
            assertTrue(ttft >= 30 && ttft <= 30 + SLACK_MS, "median TTFT " + ttft + " of " + ttfts);
            // each chunk stamped when it arrives, not all at the end: gaps follow the server's absolute schedule, so a
            // late event shortens the next gap (no hard lower bound), but a quarter of them still span the ITL
            assertTrue(p75 >= 15 - 5, "p75 chunk gap " + p75);
            assertTrue(gap <= 15 + SLACK_MS, "median chunk gap " + gap);
        }
    }

    @Test
    void eventStampedAtFirstByteEvenWhenItsEndArrivesLaterWithCrlf() throws Exception {
        sse.server().crlf = true;
        sse.server().splitGapMs = 50; // each event's second half arrives 50 ms after its first byte
        sse.server().ttftMs = 20;
        sse.server().itlMs = 80;      // > split gap, so events never interleave
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            double[] ttft = new double[5];
            for (int i = 0; i < ttft.length; i++) {
                RequestRecord r = sendAndWait(client, f, turn(3));
                assertNull(r.error());
                assertEquals(3, r.chunkCount());
                ttft[i] = ms(r.firstChunkPerfNs() - r.startPerfNs());
                assertTrue(ttft[i] >= 20, "never before the server's TTFT: " + ttft[i]);
            }
            // the event's end is written at >= 70 ms: a stamp taken at the end could never be below that, while
            // a stamp at the first byte is ~20 ms (later only when this machine delays the read)
            double min = java.util.Arrays.stream(ttft).min().orElseThrow();
            assertTrue(min < 20 + 50, "TTFT taken at the event's first byte, not its end: " + java.util.Arrays.toString(ttft));
        }
    }

    @Test
    void reasoningChunksAreContentAndTtfoSkipsThem() throws Exception {
        sse.server().reasoningTokens = 2;
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 10))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), turn(5));
            assertEquals(5, r.chunkCount());
            assertEquals(2, r.firstOutputChunk());
            assertEquals("word0 word1 ", r.reasoningText());
            assertEquals(2, r.usage().reasoningTokens());
        }
    }

    @Test
    void nonStreamingChatIsOneChunkAtBodyEnd() throws Exception {
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, false, 2, 10))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), turn(4));
            assertTrue(r.isValid());
            assertEquals(1, r.chunkCount());
            assertEquals("word0 word1 word2 word3 ", r.outputText());
            double latency = ms(r.lastChunkPerfNs() - r.startPerfNs());
            assertTrue(latency >= 30 + 3 * 15, "latency " + latency + " >= ttft + 3 itl");
            assertEquals(4, r.usage().completionTokens());
        }
    }

    @Test
    void completionsStreamingAndEmbeddings() throws Exception {
        try (InferenceClient c = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.COMPLETIONS, true, 2, 10))) {
            RequestRecord r = sendAndWait(c, RequestFactory.forConfig(c.config()), turn(3));
            assertEquals(3, r.chunkCount());
            assertEquals("word0 word1 word2 ", r.outputText());
        }
        try (InferenceClient e = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.EMBEDDINGS, false, 2, 10))) {
            RequestRecord r = sendAndWait(e, RequestFactory.forConfig(e.config()), turn(3));
            assertTrue(r.isValid(), "embeddings response with data is valid");
            assertEquals(1, r.chunkCount());
            assertEquals("", r.outputText());
        }
    }

    @Test
    void httpErrorBecomesErrorRecord() throws Exception {
        sse.server().errorStatus = 503;
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 10))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), turn(3));
            assertNotNull(r.error());
            assertEquals(503, r.error().code());
            assertEquals("Injected Error", r.error().type());
            assertTrue(r.error().message().contains("injected"));
            assertFalse(r.isValid());
            assertTrue(r.endPerfNs() >= r.startPerfNs());
        }
    }

    @Test
    void connectionRefusedBecomesErrorRecord() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (InferenceClient client = new InferenceClient(sse.vertx(), config("127.0.0.1:" + port, EndpointType.CHAT, true, 2, 5))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), turn(3));
            assertEquals(0, r.error().code());
            assertEquals("ConnectionError", r.error().type());
            assertEquals(0, client.inFlight());
        }
    }

    @Test
    void timeoutBecomesErrorRecord() throws Exception {
        sse.server().hang = true;
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 0.3))) {
            RequestRecord r = sendAndWait(client, RequestFactory.forConfig(client.config()), turn(3));
            assertEquals("TimeoutError", r.error().type());
            assertTrue(ms(r.endPerfNs() - r.startPerfNs()) >= 300);
        }
    }

    @Test
    void cancelProduces499() throws Exception {
        sse.server().ttftMs = 2000;
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 10))) {
            RequestRecord rec = new RequestRecord(0, RequestRecord.Phase.PROFILING);
            CompletableFuture<Void> done = new CompletableFuture<>();
            RequestHandle h = client.send(RequestFactory.forConfig(client.config()).build(turn(3), "m"), rec, () -> done.complete(null));
            sse.vertx().setTimer(100, id -> h.cancel());
            done.get(10, TimeUnit.SECONDS);
            assertTrue(rec.cancelled());
            assertEquals(499, rec.error().code());
            assertEquals("RequestCancellationError", rec.error().type());
        }
    }

    @Test
    void poolIsNotCappedAtFive() throws Exception {
        sse.server().ttftMs = 1000; // long enough that all 16 overlap even on a starved CPU
        sse.server().itlMs = 5;
        int n = 16;
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, n, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            List<CompletableFuture<Void>> all = new ArrayList<>();
            List<RequestRecord> recs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RequestRecord rec = new RequestRecord(i, RequestRecord.Phase.PROFILING);
                CompletableFuture<Void> done = new CompletableFuture<>();
                client.send(f.build(turn(2), "m"), rec, () -> done.complete(null));
                all.add(done);
                recs.add(rec);
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            // a pool capped at 5 would never let the server see more than 5 at once
            assertTrue(sse.server().maxInFlight.get() >= 12, "16 streams ran concurrently: max " + sse.server().maxInFlight.get());
            recs.forEach(r -> assertNull(r.error()));
        }
    }

    @Test
    void connectionsAreKeptAlive() throws Exception {
        sse.server().ttftMs = 1;
        sse.server().itlMs = 1;
        int before = sse.server().connections.get();
        try (InferenceClient client = new InferenceClient(sse.vertx(), config(sse.server().url(), EndpointType.CHAT, true, 2, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            for (int i = 0; i < 10; i++) assertTrue(sendAndWait(client, f, turn(2)).isValid());
        }
        int opened = sse.server().connections.get() - before;
        // a completion callback may send before the finished connection is back in the pool, so up to the
        // pool size (2) may open; without keep-alive it would be 10
        assertTrue(opened >= 1 && opened <= 2, "10 sequential requests over kept-alive connections: " + opened);
    }
}
