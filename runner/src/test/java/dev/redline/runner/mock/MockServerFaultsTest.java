package dev.redline.runner.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.mock.fault.FaultKind;
import dev.redline.runner.mock.fault.FaultSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bytes each fault puts on the wire, read with a raw socket (no HTTP client that could hide them):
 * chunk by chunk with arrival times, whether the response was terminated, and the mock's own count.
 */
class MockServerFaultsTest {
    private static final String STREAM = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\"max_tokens\":4}";
    private static final String WHOLE = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":4}";

    /** One HTTP/1.1 response as it arrived: status line and headers, then each chunk of a chunked body with its arrival. */
    private record Wire(String head, List<String> chunks, List<Long> arrivals, boolean terminated, long sentNanos, long headNanos) {
        String body() {
            return String.join("", chunks);
        }

        List<String> dataLines() {
            return body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        }
    }

    private static MockServer server(String fault) {
        return MockServer.start(new MockServerOptions().ttftMs(2).itlMs(2).eventLoops(1)
                .promptTokenCounter(String::length).faults(List.of(FaultSpec.parse(fault))));
    }

    /** Sends one request with Connection: close and reads until the server ends or closes. */
    private static Wire exchange(MockServer server, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            long sent = System.nanoTime();
            return read(s.getInputStream(), sent);
        }
    }

    private static Wire read(InputStream in, long sent) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Long> byteArrival = new ArrayList<>(); // arrival of each read, by its first byte's offset
        List<Integer> readStart = new ArrayList<>();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            readStart.add(all.size());
            byteArrival.add(System.nanoTime());
            all.write(buf, 0, n);
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = text.substring(0, headEnd);
        long headNanos = byteArrival.get(0);
        List<String> chunks = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        boolean terminated = false;
        int i = headEnd + 4;
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            chunks.add(new String(all.toByteArray(), i, all.size() - i, StandardCharsets.UTF_8));
            arrivals.add(headNanos);
            return new Wire(head, chunks, arrivals, true, sent, headNanos);
        }
        while (i < text.length()) {
            int eol = text.indexOf("\r\n", i);
            if (eol < 0) break;
            int size = Integer.parseInt(text.substring(i, eol).trim(), 16);
            if (size == 0) {
                terminated = true;
                break;
            }
            int start = eol + 2;
            if (start + size > text.length()) break; // cut inside a chunk
            chunks.add(new String(all.toByteArray(), start, size, StandardCharsets.UTF_8));
            int at = 0;
            while (at + 1 < readStart.size() && readStart.get(at + 1) <= start) at++;
            arrivals.add(byteArrival.get(at));
            i = start + size + 2;
        }
        return new Wire(head, chunks, arrivals, terminated, sent, headNanos);
    }

    private static boolean isJson(String s) {
        try {
            JsonNode n = MockHttp.JSON.readTree(s);
            return n != null && n.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    private static long tokenEvents(Wire w) {
        return w.dataLines().stream().filter(d -> d.contains("\"content\":\"")).count();
    }

    @Test
    void streamCutClosesTheSocketAfterNTokensWithoutFinishOrDone() throws Exception {
        try (MockServer server = server("stream-cut:1:after-tokens=2")) {
            Wire w = exchange(server, STREAM);
            assertTrue(w.head().startsWith("HTTP/1.1 200"), w.head());
            assertFalse(w.terminated(), "no terminating chunk: the socket was closed");
            assertEquals(2, tokenEvents(w), w.body());
            assertFalse(w.body().contains("[DONE]") || w.body().contains("\"finish_reason\":\""), w.body());
            assertEquals(1, server.metrics().faultsInjected(FaultKind.STREAM_CUT));
            assertEquals(0, server.metrics().requestsCompleted());
        }
    }

    @Test
    void streamCutModeEndEndsTheResponseCleanlyButIncomplete() throws Exception {
        try (MockServer server = server("stream-cut:1:after-tokens=3,mode=end")) {
            Wire w = exchange(server, STREAM);
            assertTrue(w.terminated(), "a clean HTTP end");
            assertEquals(3, tokenEvents(w), w.body());
            assertFalse(w.body().contains("[DONE]") || w.body().contains("\"finish_reason\":\""), w.body());
        }
    }

    @Test
    void splitLineSendsAnEventInTwoWritesThatReassemble() throws Exception {
        try (MockServer server = server("split-line:1:gap-ms=40")) {
            Wire w = exchange(server, STREAM);
            int cut = 0;
            while (cut < w.chunks().size() && w.chunks().get(cut).endsWith("\n\n")) cut++;
            assertTrue(cut < w.chunks().size() - 1, "a write ending inside a data: line: " + w.chunks());
            // a hard lower bound (a late read can only shorten the gap between two arrivals, not this)
            assertTrue(w.arrivals().get(cut + 1) - w.sentNanos() >= 40_000_000L, "the second half waits gap-ms");
            List<String> data = w.dataLines();
            assertEquals("[DONE]", data.get(data.size() - 1));
            assertTrue(data.subList(0, data.size() - 1).stream().allMatch(MockServerFaultsTest::isJson), data.toString());
            assertEquals(4, tokenEvents(w));
            assertEquals(1, server.metrics().requestsCompleted(), "valid SSE: a success");
        }
    }

    @Test
    void stallHoldsEveryByteThenSendsTheRest() throws Exception {
        try (MockServer server = server("stall:1:after-tokens=1,stall-s=0.4")) {
            Wire w = exchange(server, STREAM);
            int second = 0; // the chunk that carries the second token event: written after the stall
            for (int seen = 0; second < w.chunks().size(); second++) {
                seen += w.chunks().get(second).split("\"content\":\"", -1).length - 1;
                if (seen >= 2) break;
            }
            long held = w.arrivals().get(second) - w.sentNanos();
            assertTrue(held >= 400_000_000L, "the second token arrived " + held / 1e6 + " ms after the request, before the stall ended");
            assertTrue(second > 0, "the first token went out in a write of its own, before the stall");
            assertTrue(w.terminated());
            assertEquals("[DONE]", w.dataLines().get(w.dataLines().size() - 1));
        }
    }

    @Test
    void badJsonBreaksExactlyOneTokenEvent() throws Exception {
        try (MockServer server = server("bad-json:1:at-token=2")) {
            Wire w = exchange(server, STREAM);
            List<String> data = w.dataLines();
            List<String> broken = data.stream().filter(d -> !d.equals("[DONE]") && !isJson(d)).toList();
            assertEquals(1, broken.size(), data.toString());
            assertTrue(broken.get(0).startsWith("{\"id\":\"chatcmpl-mock-0\""), broken.get(0));
            assertEquals("[DONE]", data.get(data.size() - 1), "the rest of the stream is complete");
        }
    }

    @Test
    void errorEventInBothStyles() throws Exception {
        try (MockServer server = server("error-event:1:after-tokens=1")) {
            List<String> data = exchange(server, STREAM).dataLines();
            JsonNode error = MockHttp.JSON.readTree(data.get(data.size() - 2));
            assertEquals(500, error.at("/error/code").asInt());
            assertTrue(error.at("/error/message").asText().startsWith("Injected error event"));
            assertEquals("[DONE]", data.get(data.size() - 1), "vLLM sends [DONE] after the error");
        }
        try (MockServer server = server("error-event:1:after-tokens=1,style=event")) {
            String body = exchange(server, STREAM).body();
            assertTrue(body.contains("event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":\"Injected error event"), body);
            assertFalse(body.contains("[DONE]"), body);
        }
    }

    @Test
    void answersInsteadAndHeaderFaults() throws Exception {
        try (MockServer server = server("429:1:retry-after-s=4")) {
            Wire w = exchange(server, STREAM);
            assertTrue(w.head().startsWith("HTTP/1.1 429 Too Many Requests"), w.head());
            assertTrue(w.head().contains("Retry-After: 4"), w.head());
        }
        try (MockServer server = server("reset")) {
            SocketException e = assertThrows(SocketException.class, () -> exchange(server, STREAM));
            assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
            assertEquals(1, server.metrics().faultsInjected(FaultKind.RESET));
        }
        try (MockServer server = server("slow-headers:1:delay-s=0.3")) {
            Wire w = exchange(server, STREAM);
            assertTrue(w.headNanos() - w.sentNanos() >= 300_000_000L, "status line after the delay");
            assertEquals(4, tokenEvents(w));
        }
        try (MockServer server = server("empty-body")) {
            Wire w = exchange(server, STREAM);
            assertTrue(w.head().toLowerCase().contains("content-type: text/event-stream"), w.head());
            assertTrue(w.terminated());
            assertEquals("", w.body());
        }
        try (MockServer server = server("wrong-content-type:1:content-type=text/plain")) {
            Wire w = exchange(server, WHOLE);
            assertTrue(w.head().contains("Content-Type: text/plain"), w.head());
            assertTrue(isJson(w.body()), "the body itself is fine: " + w.body());
        }
    }

    @Test
    void wholeBodyFaults() throws Exception {
        try (MockServer server = server("stream-cut")) {
            Wire w = exchange(server, WHOLE);
            int promised = Integer.parseInt(w.head().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
            assertTrue(w.body().length() < promised, "fewer bytes than Content-Length: " + w.body().length() + " < " + promised);
        }
        try (MockServer server = server("bad-json")) {
            assertFalse(isJson(exchange(server, WHOLE).body()));
        }
        try (MockServer server = server("error-event")) {
            Wire w = exchange(server, WHOLE);
            assertTrue(w.head().startsWith("HTTP/1.1 200"));
            assertEquals(500, MockHttp.JSON.readTree(w.body()).at("/error/code").asInt());
        }
    }

    @Test
    void slashMetricsCountsEveryKind() throws Exception {
        try (MockServer server = server("5xx:1:status=503")) {
            exchange(server, WHOLE);
            String metrics = new MockHttp(server.baseUrl()).get("/metrics").body();
            assertTrue(metrics.contains("# TYPE redline_mock_faults_injected counter"), metrics);
            assertTrue(metrics.contains("redline_mock_faults_injected_total{kind=\"5xx\"} 1.0"), metrics);
            for (FaultKind k : FaultKind.values()) {
                assertTrue(metrics.contains("redline_mock_faults_injected_total{kind=\"" + k.wireName() + "\"}"), k.wireName());
            }
        }
    }
}
