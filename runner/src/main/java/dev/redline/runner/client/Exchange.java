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
 * A 200 answer is a success only when it is whole: a stream must reach finish_reason or [DONE], every
 * event must be JSON, and no error may ride inside it ({@link ResponseErrors}). The first problem is the
 * record's error; the rest of the stream is drained (keeping the connection) but no longer recorded, so
 * the record keeps what arrived before it.
 */
final class Exchange implements ClientExchange, SseEventParser.Listener {
    private static final int MAX_ERROR_BODY = 4096;

    private final InferenceClient client;
    private final PreparedRequest request;
    private final RequestRecord rec;
    private final Runnable onComplete;
    private Runnable onFirstChunk;
    private final Context ctx;
    private final HttpClient http;
    private final ResponseParser parser;

    private StickyConnections stickyConnections;
    private String session;
    private HttpClientRequest httpRequest;
    private long timerId = -1;
    private boolean done;
    private int status;
    private SseEventParser sse;
    private Buffer body;
    private String unexpectedType; // a 200 answer's Content-Type that is neither SSE nor JSON
    private int events;            // SSE events received (any kind)
    private boolean streamComplete; // [DONE] or a finish_reason was seen
    private long bodySentNs;        // the server's send stamp of a whole body (SourceStamp), 0 = none

    Exchange(InferenceClient client, PreparedRequest request, RequestRecord rec, Runnable onFirstChunk,
             Runnable onComplete, Context ctx, HttpClient http) {
        this.http = http;
        this.onFirstChunk = onFirstChunk;
        this.client = client;
        this.request = request;
        this.rec = rec;
        this.onComplete = onComplete;
        this.ctx = ctx;
        this.parser = client.newParser();
    }

    /** Sends over the session's own connection (sticky-user-sessions). */
    void sticky(StickyConnections connections, String session) {
        this.stickyConnections = connections;
        this.session = session;
    }

    /** Runs on {@link #ctx}. */
    @Override
    public void start() {
        long timeoutMs = (long) Math.min(Long.MAX_VALUE / 2, Math.ceil(client.config().timeoutSeconds() * 1000));
        rec.markStart(System.nanoTime(), InferenceClient.wallNowNs());
        timerId = client.vertx().setTimer(Math.max(1, timeoutMs), id -> {
            timerId = -1;
            abort(TransportErrors.timeout(client.config().timeoutSeconds()), false);
        });
        RequestOptions options = client.requestOptions(rec.urlIndex(), request.uri());
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
        httpRequest.exceptionHandler(this::onFailure);
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
        rec.setServerReceivedNs(SourceStamp.parseHeader(resp.getHeader(SourceStamp.RECEIVED_HEADER)));
        String ct = resp.getHeader("Content-Type");
        boolean isSse = status == 200 && ct != null && ct.regionMatches(true, 0, "text/event-stream", 0, 17);
        if (isSse) {
            sse = new SseEventParser(this);
            resp.handler(buf -> {
                if (!done) sse.feed(buf, System.nanoTime());
            });
        } else {
            if (status == 200 && ct != null && !isJson(ct)) unexpectedType = ct; // drained, not parsed
            bodySentNs = SourceStamp.parseHeader(resp.getHeader(SourceStamp.SENT_HEADER));
            body = Buffer.buffer(status == 200 ? 1024 : 256);
            resp.handler(buf -> {
                if (!done && unexpectedType == null && (status == 200 || body.length() < MAX_ERROR_BODY)) body.appendBuffer(buf);
            });
        }
        resp.exceptionHandler(this::onFailure);
        resp.endHandler(v -> onEnd(resp));
    }

    /** {@code application/json}, {@code application/x+json}, with or without parameters. */
    private static boolean isJson(String contentType) {
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return type.equalsIgnoreCase("application/json") || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }

    /**
     * The connection failed. Before the headers it is a transport error; after them the answer was cut:
     * truncated, unless the stream had already reached its end (the content is whole).
     */
    private void onFailure(Throwable t) {
        if (done) return;
        if (status == 0) {
            finish(TransportErrors.of(t));
        } else if (sse != null) {
            if (streamComplete) finish(null);
            else finish(ResponseErrors.truncated(status, rec.chunkCount(), "connection closed", TransportErrors.of(t).message()));
        } else if (status == 200) {
            finish(ResponseErrors.bodyCut(status, body.length(), t));
        } else {
            finish(TransportErrors.of(t));
        }
    }

    @Override
    public void onEvent(byte[] data, int length, long firstBytePerfNs) {
        events++;
        if (length == 0 || rec.error() != null) return;
        if (ResponseParser.isDone(data, 0, length)) {
            streamComplete = true;
            return;
        }
        if (!parser.parse(data, 0, length)) {
            rec.fail(ResponseErrors.invalidChunk(status, events, parser.failure(), data, length));
            return;
        }
        if (parser.hasError()) {
            rec.fail(ResponseErrors.streamError(parser.errorMessage(), parser.errorCode(), data, length));
            return;
        }
        if (parser.finished()) streamComplete = true;
        if (recordParsed(parser, rec, firstBytePerfNs, sse.sentStampNs()) && onFirstChunk != null) {
            Runnable r = onFirstChunk;
            onFirstChunk = null;
            r.run();
        }
    }

    /** {@code event: error}: the server's message from its data (JSON or text), as AIPerf's SSEResponseError. */
    @Override
    public void onErrorEvent(byte[] data, int length, long firstBytePerfNs) {
        events++;
        if (rec.error() != null) return;
        boolean json = length > 0 && parser.parse(data, 0, length);
        // OpenAI's error event data is {"type":"error","message":...}: the message sits at the top level
        String message = !json ? null : parser.hasError() ? parser.errorMessage() : parser.topLevelMessage();
        rec.fail(ResponseErrors.streamError(message, json ? parser.errorCode() : -1, data, length));
    }

    private void onEnd(HttpClientResponse resp) {
        if (done) return;
        long now = System.nanoTime();
        if (sse != null) {
            sse.finish();
            ErrorInfo broken = null;
            if (events == 0) broken = ResponseErrors.empty(status, true);
            else if (!streamComplete && parser.streamNeedsEndMarker()) broken = ResponseErrors.truncated(status, rec.chunkCount(), "stream ended", null);
            finishAfterRecycle(broken, now);
            return;
        }
        if (status != 200) {
            String text = body.length() > MAX_ERROR_BODY ? body.getString(0, MAX_ERROR_BODY) : body.toString();
            String reason = resp.statusMessage() == null ? "HTTP " + status : resp.statusMessage();
            String retryAfter = resp.getHeader("Retry-After");
            if (retryAfter != null) text += " (Retry-After: " + retryAfter + ")";
            finishAfterRecycle(new ErrorInfo(status, reason, text), now);
            return;
        }
        finishAfterRecycle(wholeBody(now), now);
    }

    /** Reads a 200 non-streaming body into the record; the error when it is not a whole result. */
    private ErrorInfo wholeBody(long now) {
        boolean streaming = client.config().streaming();
        if (unexpectedType != null) return ResponseErrors.unexpectedContentType(status, unexpectedType, streaming);
        if (body.length() == 0) return ResponseErrors.empty(status, false);
        byte[] bytes = body.getBytes();
        if (!parser.parse(bytes, 0, bytes.length)) return ResponseErrors.invalidBody(status, parser.failure(), bytes);
        if (parser.hasError()) return ResponseErrors.bodyError(status, parser.errorMessage());
        recordParsed(parser, rec, now, bodySentNs);
        return null;
    }

    /**
     * Puts what a parsed document carries into the record at {@code at}: usage, generated items, its text as a
     * content chunk, or a result chunk when it is a valid answer without text (embeddings, rankings, images).
     * True when it carried content or data (the first one releases prefill concurrency).
     */
    static boolean recordParsed(ResponseParser parser, RequestRecord rec, long at, long sentNs) {
        if (parser.usage() != null) rec.setUsage(parser.usage());
        if (parser.specDecode() != null) rec.addSpecDecodeStats(parser.specDecode());
        if (parser.generatedItems() > 0) rec.addGeneratedItems(parser.generatedItems());
        boolean content = rec.addContentChunk(at, sentNs, parser.contentChars(), parser.reasoningChars());
        if (!content && parser.hasData()) rec.addResultChunk(at, sentNs);
        return content || parser.hasData();
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
        client.runCompletion(onComplete, request.requestId());
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
