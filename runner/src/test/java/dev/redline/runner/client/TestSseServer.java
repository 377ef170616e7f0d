package dev.redline.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only OpenAI-like SSE server on 127.0.0.1 with exact ground truth: event k of a stream is written
 * at arrival + ttft + k*itl (absolute targets, never earlier), so a client's measured TTFT must be >= ttft.
 * Records the observed maximum of concurrently open requests and the request bodies it received.
 */
public final class TestSseServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final int DEFAULT_TTFT_MS = 20;
    public static final int DEFAULT_ITL_MS = 10;

    // knobs: their defaults are set in reset()
    public volatile int ttftMs;
    public volatile int itlMs;
    public volatile int defaultTokens;
    /** Non-200 status to answer every request with (0 = normal). */
    public volatile int errorStatus;
    /** Never answer (to test client timeouts). */
    public volatile boolean hang;
    /** Use CRLF line endings. */
    public volatile boolean crlf;
    /** Write each content event in two halves this many ms apart (first-byte timestamp rule); 0 = off. Keep it below itlMs. */
    public volatile int splitGapMs;
    /** Emit reasoning_content for the first N tokens. */
    public volatile int reasoningTokens;

    public final AtomicInteger received = new AtomicInteger();
    /** TCP connections accepted (keep-alive reuse shows as fewer connections than requests). */
    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    public final ConcurrentLinkedQueue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> requestIds = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Requests received whose first content event has not been written yet (prefill), and its maximum. */
    public final AtomicInteger prefillNow = new AtomicInteger();
    public final AtomicInteger maxPrefill = new AtomicInteger();

    private final Vertx vertx;
    private final HttpServer server;

    public TestSseServer(Vertx vertx) {
        this.vertx = vertx;
        reset(DEFAULT_TTFT_MS, DEFAULT_ITL_MS);
        this.server = vertx.createHttpServer().connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(this::handle).listen(0, "127.0.0.1").await();
    }

    /**
     * Puts every knob back to its default (with these delays) and zeroes the recorded counters and bodies.
     * Gauges of requests still open ({@link #inFlightNow()}, {@link #prefillNow}) and the connection count are
     * left alone: they describe the live server, not a test's settings.
     */
    public void reset(int ttftMs, int itlMs) {
        this.ttftMs = ttftMs;
        this.itlMs = itlMs;
        defaultTokens = 5;
        errorStatus = 0;
        hang = false;
        crlf = false;
        splitGapMs = 0;
        reasoningTokens = 0;
        received.set(0);
        maxInFlight.set(0);
        maxPrefill.set(0);
        bodies.clear();
        requestIds.clear();
    }

    public int port() { return server.actualPort(); }

    public String url() { return "http://127.0.0.1:" + port(); }

    public int inFlightNow() { return inFlight.get(); }

    private void handle(HttpServerRequest req) {
        long arrival = System.nanoTime();
        if (req.method().name().equals("GET")) {
            req.response().putHeader("Content-Type", "application/json").end("{\"object\":\"list\",\"data\":[]}");
            return;
        }
        req.body().onSuccess(buf -> {
            maxPrefill.accumulateAndGet(prefillNow.incrementAndGet(), Math::max);
            boolean[] prefillDone = {false};
            Runnable endPrefill = () -> {
                if (!prefillDone[0]) {
                    prefillDone[0] = true;
                    prefillNow.decrementAndGet();
                }
            };
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            received.incrementAndGet();
            String rid = req.getHeader("X-Request-ID");
            if (rid != null) requestIds.add(rid);
            JsonNode body;
            try {
                body = JSON.readTree(buf.getBytes());
            } catch (Exception e) {
                body = JSON.createObjectNode();
            }
            bodies.add(body);
            HttpServerResponse resp = req.response();
            boolean[] closed = {false};
            resp.exceptionHandler(t -> closed[0] = true);
            Runnable release = new Runnable() {
                boolean released;
                @Override public void run() {
                    if (!released) {
                        released = true;
                        endPrefill.run();
                        inFlight.decrementAndGet();
                    }
                }
            };
            resp.endHandler(v -> release.run());
            req.connection().closeHandler(v -> {
                closed[0] = true;
                release.run();
            });
            if (hang) return;
            if (errorStatus != 0) {
                resp.setStatusCode(errorStatus).setStatusMessage("Injected Error").end("{\"error\":\"injected\"}");
                return;
            }
            respond(req, resp, body, arrival, closed, endPrefill);
        });
    }

    private void respond(HttpServerRequest req, HttpServerResponse resp, JsonNode body, long arrival, boolean[] closed,
                         Runnable endPrefill) {
        int tokens = body.has("max_completion_tokens") ? body.get("max_completion_tokens").asInt()
                : body.has("max_tokens") ? body.get("max_tokens").asInt() : defaultTokens;
        boolean stream = body.path("stream").asBoolean(false);
        boolean chat = req.path().endsWith("/chat/completions");
        boolean embeddings = req.path().endsWith("/embeddings");
        int ttft = ttftMs, itl = itlMs;
        if (embeddings) {
            at(arrival, ttft, () -> resp.putHeader("Content-Type", "application/json")
                    .end("{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}],"
                            + "\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}"));
            return;
        }
        if (!stream) {
            long finish = ttft + (long) Math.max(0, tokens - 1) * itl;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens; i++) text.append("word").append(i).append(' ');
            String json = chat
                    ? "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                        + text + "\"}}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":" + tokens + ",\"total_tokens\":" + (7 + tokens) + "}}"
                    : "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"" + text + "\"}]}";
            at(arrival, finish, () -> resp.putHeader("Content-Type", "application/json").end(json));
            return;
        }
        String nl = crlf ? "\r\n" : "\n";
        resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
        resp.write(": keep-alive comment" + nl + nl);
        if (chat) resp.write("data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}" + nl + nl);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        int reasoning = reasoningTokens;
        java.util.concurrent.atomic.AtomicInteger pendingHalves = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Consumer<Runnable> afterHalves = new java.util.function.Consumer<>() {
            @Override
            public void accept(Runnable end) {
                // on a loaded machine a split event's second half can be late: never interleave or end before it
                if (pendingHalves.get() > 0) vertx.setTimer(5, t -> accept(end));
                else end.run();
            }
        };
        for (int k = 0; k < tokens; k++) {
            int idx = k;
            String field = idx < reasoning ? "reasoning_content" : "content";
            String ev = chat
                    ? "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"" + field + "\":\"word" + idx + " \"}}]}" + nl + nl
                    : "data: {\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"word" + idx + " \"}]}" + nl + nl;
            at(arrival, ttft + (long) idx * itl, () -> afterHalves.accept(() -> {
                if (closed[0] || resp.closed() || resp.ended()) return;
                endPrefill.run();
                int split = splitGapMs;
                if (split > 0) {
                    int half = ev.length() / 2;
                    resp.write(ev.substring(0, half));
                    pendingHalves.incrementAndGet();
                    vertx.setTimer(split, t -> {
                        if (!closed[0] && !resp.closed() && !resp.ended()) resp.write(ev.substring(half));
                        pendingHalves.decrementAndGet();
                    });
                } else {
                    resp.write(ev);
                }
            }));
        }
        long endAt = ttft + (long) Math.max(0, tokens - 1) * itl + (splitGapMs > 0 ? splitGapMs + 30 : 1);
        at(arrival, endAt, () -> afterHalves.accept(() -> {
            if (closed[0] || resp.closed() || resp.ended()) return;
            if (includeUsage) {
                resp.write("data: {\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":"
                        + tokens + ",\"total_tokens\":" + (7 + tokens)
                        + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + Math.min(reasoning, tokens) + "}}}" + nl + nl);
            }
            resp.end("data: [DONE]" + nl + nl);
        }));
    }

    /** Runs {@code action} at arrival + offsetMs, never earlier. */
    private void at(long arrival, long offsetMs, Runnable action) {
        long target = arrival + offsetMs * 1_000_000L;
        long delayNs = target - System.nanoTime();
        if (delayNs <= 0) {
            action.run();
            return;
        }
        vertx.setTimer(Math.max(1, (delayNs + 999_999) / 1_000_000), id -> {
            long left = target - System.nanoTime();
            if (left > 0) at(arrival, offsetMs, action);
            else action.run();
        });
    }

    public List<JsonNode> bodyList() { return List.copyOf(bodies); }

    @Override
    public void close() {
        server.close().await();
    }
}
