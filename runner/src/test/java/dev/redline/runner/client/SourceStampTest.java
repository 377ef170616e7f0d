package dev.redline.runner.client;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.dataset.Turn;
import dev.redline.runner.metrics.types.ClientAddedLatencyMetric;
import dev.redline.runner.metrics.types.ClientAddedTtftMetric;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.redline.runner.client.ClientTestSupport.config;
import static dev.redline.runner.client.ClientTestSupport.sendAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mock stamps each response chunk with its own send time and the client turns the stamps into
 * client-added latency: checked against hard orderings (a chunk is received after it was sent, and sent no
 * earlier than its schedule), across two processes (the clock is the host's), and on the wire (a client that
 * does not ask sees the responses unchanged).
 */
class SourceStampTest {
    private static final double TTFT_MS = 20;
    private static final double ITL_MS = 4;
    private static Vertx vertx;
    private static MockServer mock;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        mock = MockServer.start(new MockServerOptions().ttftMs(TTFT_MS).itlMs(ITL_MS).eventLoops(1));
    }

    @AfterAll
    static void stop() {
        mock.close();
        vertx.close().await();
    }

    private static Turn turn(int maxTokens) {
        return Turn.ofText("hello there", 2, maxTokens);
    }

    @Test
    void everyStreamedChunkCarriesTheMocksSendTime() throws Exception {
        try (InferenceClient client = new InferenceClient(vertx, config(mock.baseUrl(), EndpointType.CHAT, true, 2, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            RequestRecord r = sendAndWait(client, f, turn(8));
            assertNull(r.error());
            assertEquals(8, r.chunkCount());
            assertStamped(r, TTFT_MS);
            double[] added = new ClientAddedLatencyMetric().values(r);
            assertEquals(8, added.length);
            for (double a : added) assertTrue(a >= 0 && a < 5_000, "client-added " + a + " ms");
            double ttft = new ClientAddedTtftMetric().value(r);
            double measuredTtft = (r.firstChunkPerfNs() - r.startPerfNs()) / 1e6;
            // the added part is TTFT less the time the mock held the request (>= its configured TTFT)
            assertTrue(ttft >= 0 && ttft <= measuredTtft - TTFT_MS + 0.001, "added TTFT " + ttft + " of " + measuredTtft);
        }
    }

    @Test
    void wholeBodyCarriesItsSendTimeInAHeader() throws Exception {
        try (InferenceClient client = new InferenceClient(vertx, config(mock.baseUrl(), EndpointType.CHAT, false, 2, 10))) {
            RequestFactory f = RequestFactory.forConfig(client.config());
            RequestRecord r = sendAndWait(client, f, turn(4));
            assertNull(r.error());
            assertEquals(1, r.chunkCount());
            // the whole body is due when its last token would be: ttft + 3 gaps after arrival
            assertStamped(r, TTFT_MS + 3 * ITL_MS);
            assertEquals(1, new ClientAddedLatencyMetric().values(r).length);
        }
    }

    /** Hard orderings on one clock: send < server received; received + schedule <= sent <= client received. */
    private static void assertStamped(RequestRecord r, double earliestMs) {
        assertTrue(r.serverReceivedNs() > r.startPerfNs(), "the mock received the request after the client sent it");
        assertTrue(r.serverReceivedNs() < r.firstChunkPerfNs());
        for (int i = 0; i < r.chunkCount(); i++) {
            long sent = r.chunkSentNs(i);
            assertTrue(sent != SourceStamp.NONE, "chunk " + i + " stamped");
            assertTrue(sent <= r.chunkPerfNs(i), "chunk " + i + " received after it was sent");
            if (i > 0) assertTrue(sent >= r.chunkSentNs(i - 1), "stamps in order");
        }
        assertTrue(r.chunkSentNs(0) - r.serverReceivedNs() >= (long) (earliestMs * 1e6) - 1_000_000,
                "first chunk sent no earlier than its schedule");
    }

    @Test
    void aClientThatDoesNotAskSeesNoStamp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"model\":\"mock-model\",\"stream\":true,\"max_completion_tokens\":3,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpRequest plain = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(plain, HttpResponse.BodyHandlers.ofString());
        assertFalse(r.body().contains("sent-ns"), r.body());
        assertTrue(r.headers().firstValue(SourceStamp.RECEIVED_HEADER).isEmpty());
        HttpRequest asking = HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").header(SourceStamp.REQUEST_HEADER, "1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> s = http.send(asking, HttpResponse.BodyHandlers.ofString());
        assertTrue(s.headers().firstValue(SourceStamp.RECEIVED_HEADER).isPresent());
        // the stamped stream is the plain one plus comment lines: strip them and the data lines are identical
        String stripped = s.body().replaceAll("(?m)^: sent-ns=\\d+\\n", "");
        assertEquals(normalized(r.body()), normalized(stripped));
    }

    /** Ids and words differ per request (the served plan's index). */
    private static String normalized(String sse) {
        return sse.replaceAll("chatcmpl-mock-\\d+", "ID").replaceAll("\"content\":\"[^\"]*\"", "WORD");
    }

    @Test
    void sseParserKeepsTheLatestStampForTheEventsAfterIt() {
        List<Long> stamps = new ArrayList<>();
        SseEventParser[] p = new SseEventParser[1];
        p[0] = new SseEventParser((data, len, t) -> stamps.add(p[0].sentStampNs()));
        String stream = "data: a\n\n: sent-ns=123\ndata: b\n\ndata: c\n\n: other comment\n: sent-ns=x9\n: sent-ns=456\r\ndata: d\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i += 7) p[0].feed(bytes, i, Math.min(7, bytes.length - i), 1);
        assertEquals(List.of(SourceStamp.NONE, 123L, 123L, 456L), stamps);
    }

    @Test
    void stampDigitsRoundTrip() {
        for (long v : new long[] {1, 9, 10, 1234567890123456789L, System.nanoTime()}) {
            Buffer b = Buffer.buffer();
            SourceStamp.appendComment(b, v);
            byte[] line = b.getBytes(0, b.length() - 1);
            assertEquals(v, SourceStamp.parseComment(line, line.length));
            assertEquals(v, SourceStamp.parseHeader(Long.toString(v)));
        }
        assertEquals(SourceStamp.NONE, SourceStamp.parseHeader("12a"));
        assertEquals(SourceStamp.NONE, SourceStamp.parseHeader(null));
    }

    /**
     * Two JVMs read one clock: a child JVM's {@link System#nanoTime()} lies between this JVM's readings
     * before it started and after it answered (a per-process origin would be off by the child's start-up,
     * i.e. far outside, or far before). Then a mock in that child stamps what this JVM's client receives.
     */
    @Test
    void anotherJvmReadsTheSameClock() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        long before = System.nanoTime();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.redline.runner.cli.RedlineCli",
                "mock-server", "--host", "127.0.0.1", "--port", "0", "--ttft-ms", "10", "--itl-ms", "2")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = null;
            String line;
            while ((line = out.readLine()) != null) {
                m = Pattern.compile("listening on (http://\\S+)").matcher(line);
                if (m.find()) break;
                m = null;
            }
            assertNotNull(m, "child mock listening");
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            try (InferenceClient client = new InferenceClient(vertx, config(m.group(1), EndpointType.CHAT, true, 2, 30))) {
                RequestFactory f = RequestFactory.forConfig(client.config());
                RequestRecord r = sendAndWait(client, f, turn(4));
                long after = System.nanoTime();
                assertNull(r.error());
                assertTrue(r.serverReceivedNs() > before && r.serverReceivedNs() < after,
                        "child clock " + r.serverReceivedNs() + " within [" + before + ", " + after + "]");
                assertStamped(r, 10);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }
}
