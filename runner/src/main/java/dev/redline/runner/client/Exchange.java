package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;

/**
 * One request/response exchange, confined to one event loop context: sends, timestamps, parses the
 * SSE stream or body into the record, and completes exactly once (success, error, timeout, cancel).
 */
final class Exchange implements RequestHandle, SseEventParser.Listener {
    private static final int MAX_ERROR_BODY = 4096;

    private final InferenceClient client;
    private final PreparedRequest request;
    private final RequestRecord rec;
    private final Runnable onComplete;
    private Runnable onFirstChunk;
    private final Context ctx;
    private final HttpClient http;
    private final ResponseParser parser = new ResponseParser();

    private StickyConnections stickyConnections;
    private String session;
    private HttpClientRequest httpRequest;
    private long timerId = -1;
    private boolean done;
    private int status;
    private SseEventParser sse;
    private Buffer body;

    Exchange(InferenceClient client, PreparedRequest request, RequestRecord rec, Runnable onFirstChunk,
             Runnable onComplete, Context ctx, HttpClient http) {
        this.http = http;
        this.onFirstChunk = onFirstChunk;
        this.client = client;
        this.request = request;
        this.rec = rec;
        this.onComplete = onComplete;
        this.ctx = ctx;
    }

    /** Sends over the session's own connection (sticky-user-sessions). */
    void sticky(StickyConnections connections, String session) {
        this.stickyConnections = connections;
        this.session = session;
    }

    /** Runs on {@link #ctx}. */
    void start() {
        long timeoutMs = (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(client.config().timeoutSeconds() * 1000));
        rec.markStart(System.nanoTime(), InferenceClient.wallNowNs());
        timerId = client.vertx().setTimer(Math.max(1, timeoutMs), id -> {
            timerId = -1;
            abort(TransportErrors.timeout(client.config().timeoutSeconds()), false);
        });
        RequestOptions options = client.requestOptions(rec.urlIndex());
        if (stickyConnections != null) {
            stickyConnections.connection(session, rec.urlIndex(), options).onComplete(ar -> {
                if (ar.failed()) onRequest(io.vertx.core.Future.failedFuture(ar.cause()));
                else ar.result().request(options).onComplete(this::onRequest);
            });
        } else {
            http.request(options).onComplete(this::onRequest);
        }
    }

    private void onRequest(AsyncResult<HttpClientRequest> ar) {
        if (done) {
            if (ar.succeeded()) ar.result().reset();
            return;
        }
        if (ar.failed()) {
            finish(TransportErrors.of(ar.cause()));
            return;
        }
        httpRequest = ar.result();
        rec.markConnection(System.nanoTime(), client.connectedAt(httpRequest.connection()));
        httpRequest.headers().addAll(request.headers());
        httpRequest.exceptionHandler(t -> finish(TransportErrors.of(t)));
        httpRequest.response().onComplete(this::onResponse);
        httpRequest.end(request.body()).onSuccess(this::onSent);
    }

    private void onSent(Void ignored) {
        if (!done) rec.markSent(System.nanoTime()); // once done, the record belongs to record processing
    }

    private void onResponse(AsyncResult<HttpClientResponse> ar) {
        if (done) return;
        if (ar.failed()) {
            finish(TransportErrors.of(ar.cause()));
            return;
        }
        HttpClientResponse resp = ar.result();
        rec.markAck(System.nanoTime());
        status = resp.statusCode();
        rec.setHttpStatus(status);
        String ct = resp.getHeader("Content-Type");
        boolean isSse = status == 200 && ct != null && ct.regionMatches(true, 0, "text/event-stream", 0, 17);
        if (isSse) {
            sse = new SseEventParser(this);
            resp.handler(buf -> {
                if (!done) sse.feed(buf, System.nanoTime());
            });
        } else {
            body = Buffer.buffer(status == 200 ? 1024 : 256);
            resp.handler(buf -> {
                if (!done && (status == 200 || body.length() < MAX_ERROR_BODY)) body.appendBuffer(buf);
            });
        }
        resp.exceptionHandler(t -> finish(TransportErrors.of(t)));
        resp.endHandler(v -> onEnd(resp));
    }

    @Override
    public void onEvent(byte[] data, int length, long firstBytePerfNs) {
        if (ResponseParser.isDone(data, 0, length) || length == 0) return;
        if (!parser.parse(data, 0, length)) return; // unparseable events are not content (AIPerf)
        if (parser.usage() != null) rec.setUsage(parser.usage());
        if (rec.addContentChunk(firstBytePerfNs, parser.contentChars(), parser.reasoningChars()) && onFirstChunk != null) {
            Runnable r = onFirstChunk;
            onFirstChunk = null;
            r.run();
        }
    }

    private void onEnd(HttpClientResponse resp) {
        if (done) return;
        long now = System.nanoTime();
        if (sse != null) {
            sse.finish();
            finishAfterRecycle(null, now);
            return;
        }
        if (status != 200) {
            String text = body.length() > MAX_ERROR_BODY ? body.getString(0, MAX_ERROR_BODY) : body.toString();
            String reason = resp.statusMessage() == null ? "HTTP " + status : resp.statusMessage();
            finishAfterRecycle(new ErrorInfo(status, reason, text), now);
            return;
        }
        byte[] bytes = body.getBytes();
        if (parser.parse(bytes, 0, bytes.length)) {
            if (parser.usage() != null) rec.setUsage(parser.usage());
            if (!rec.addContentChunk(now, parser.contentChars(), parser.reasoningChars()) && parser.hasData()) {
                rec.addResultChunk(now); // embeddings: a valid response without text
            }
        }
        finishAfterRecycle(null, now);
    }

    /**
     * Completes the record now but runs the callback in a next task on this loop: Vert.x returns the
     * connection to the pool only after the end handler, so a next request sent from inside it would
     * find this connection busy and open a new one (a closed loop would then hold more connections than
     * its concurrency, each first request paying a connect).
     */
    private void finishAfterRecycle(ErrorInfo error, long endNs) {
        if (complete(error, endNs)) ctx.runOnContext(v -> runCallback());
    }

    private void finish(ErrorInfo error) {
        finish(error, System.nanoTime());
    }

    private void finish(ErrorInfo error, long endNs) {
        if (complete(error, endNs)) runCallback();
    }

    /** Makes the record final; false when the exchange had already completed. */
    private boolean complete(ErrorInfo error, long endNs) {
        if (done) return false;
        done = true;
        if (timerId >= 0) client.vertx().cancelTimer(timerId);
        if (error != null && rec.error() == null) rec.fail(error);
        rec.markEnd(endNs);
        client.completed();
        return true;
    }

    private void runCallback() {
        try {
            onComplete.run();
        } catch (RuntimeException e) {
            // a run stopped early (Ctrl-C) closes the client under requests that were about to follow
            if (client.closing()) InferenceClient.LOG.debug("request {} not continued: client closed", request.requestId());
            else InferenceClient.LOG.error("completion callback failed for request {}", request.requestId(), e);
        }
    }

    /** Aborts on this exchange's context: an error (timeout), or {@code late} for a grace-period cut. */
    private void abort(ErrorInfo error, boolean late) {
        if (done) return;
        long now = System.nanoTime();
        if (late) rec.setLateForGrace(true);
        finish(error, now); // first: reset() fires the exception handlers synchronously
        if (httpRequest != null) httpRequest.reset();
    }

    @Override
    public void cancel() {
        ctx.runOnContext(v -> {
            if (done) return;
            rec.cancel(System.nanoTime());
            finish(null, rec.cancellationPerfNs());
            if (httpRequest != null) httpRequest.reset();
        });
    }

    @Override
    public void abandon() {
        ctx.runOnContext(v -> abort(null, true));
    }
}
