package dev.redline.runner.mock;

import dev.redline.runner.mock.fault.FaultKind;
import dev.redline.runner.mock.fault.FaultSpec;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * One request's fault applied where its response is written, whatever decided when its tokens are due:
 * the endpoint hands every header, token event and write to this object ({@link #NONE} writes them
 * unchanged). Each fault is counted in {@link MockMetrics} once, when it reaches the wire. Runs on the
 * request's event loop only.
 *
 * <p>Hooks of a streaming response, in order: {@link #startStream}, per token {@link #appendToken} then
 * {@link #boundaryAfter}, then per emission either {@link #takesOver} + {@link #takeOver}, or
 * {@link #write} / {@link #end}. A whole body goes through {@link #sendWhole}.
 */
final class ResponseFault {
    private static final Logger LOG = LoggerFactory.getLogger("dev.redline.runner.mock.faults");

    /** No fault: every hook writes plainly. */
    static final ResponseFault NONE = new ResponseFault(null, null, -1, null);

    private final FaultSpec spec;
    private final FaultKind kind;
    private final MockContext ctx;
    private final long request;
    private final HttpConnection connection;
    // per-response state below: never written on NONE (shared by every event loop)
    /** Token index the fault acts at in this stream (after clamping to its length); -1 before the stream starts. */
    private int position = -1;
    private boolean counted;
    private int appended;       // token events appended so far (stall only)
    private boolean stalled;
    // the write queue: while a split's second half or a stall is pending, later writes wait behind it
    private boolean holding;
    private Buffer pending;
    private boolean endPending;

    private ResponseFault(FaultSpec spec, MockContext ctx, long request, HttpConnection connection) {
        this.spec = spec;
        this.kind = spec == null ? null : spec.kind();
        this.ctx = ctx;
        this.request = request;
        this.connection = connection;
    }

    static ResponseFault of(FaultSpec spec, MockContext ctx, long request, HttpConnection connection) {
        return spec == null ? NONE : new ResponseFault(spec, ctx, request, connection);
    }

    /** Counts the fault once per response, when it first touches the wire. */
    private void injected() {
        if (counted) return;
        counted = true;
        ctx.metrics.faultInjected(kind);
        LOG.debug("injected {} into request {}", spec, request);
    }

    // ------------------------------------------------------------ before the endpoint answers

    /** Answers instead of the endpoint (429, 5xx, storm, reset); true when it did. */
    boolean answersInstead(HttpServerResponse response) {
        if (kind == null) return false;
        switch (kind) {
            case RATE_LIMITED -> {
                int after = spec.count("retry-after-s");
                response.putHeader("Retry-After", Integer.toString(after));
                ErrorResponses.send(response, 429, "RateLimitError",
                        "Injected rate limit (request " + request + "); retry after " + after + " s");
            }
            case SERVER_ERROR -> {
                int status = spec.count("status");
                ErrorResponses.send(response, status, status == 500 ? "InternalServerError" : "ServerError",
                        "Injected mock server error (request " + request + ")");
            }
            case STORM -> {
                int after = spec.count("retry-after-s");
                response.putHeader("Retry-After", Integer.toString(after));
                ErrorResponses.send(response, 503, "ServiceUnavailableError",
                        "Injected 503 storm (request " + request + "); retry after " + after + " s");
            }
            case RESET -> reset();
            default -> {
                return false;
            }
        }
        injected();
        return true;
    }

    /** A TCP RST (linger 0) rather than a FIN, as a crashed or overloaded proxy sends; FIN where the channel is hidden. */
    private void reset() {
        if (connection instanceof io.vertx.core.net.impl.ConnectionBase base) {
            base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            base.channel().close();
        } else {
            connection.close();
        }
    }

    /** Nanoseconds to hold the status line back (slow-headers, counted now), else 0. */
    long headerDelayNanos() {
        if (kind != FaultKind.SLOW_HEADERS) return 0;
        injected();
        return (long) (spec.number("delay-s") * 1e9);
    }

    // ------------------------------------------------------------ streaming

    /**
     * Writes the stream's head; false when the stream is already over (empty-body, or a cut or error
     * event after 0 tokens). Positions are clamped to the stream's length so every decided fault acts.
     */
    boolean startStream(HttpServerResponse response, int outputTokens) {
        if (kind != null) { // NONE is shared by every event loop: it is never written to
            position = switch (kind) {
                case STREAM_CUT, ERROR_EVENT -> Math.min(spec.count("after-tokens"), outputTokens);
                case STALL -> Math.min(spec.count("after-tokens"), outputTokens - 1);
                case BAD_JSON -> Math.min(spec.count("at-token"), outputTokens - 1);
                default -> -1;
            };
        }
        response.setChunked(true).putHeader("Content-Type", contentType("text/event-stream"))
                .putHeader("Cache-Control", "no-cache");
        if (kind == FaultKind.EMPTY_BODY) {
            injected();
            response.end();
            return false;
        }
        response.writeHead();
        if (takesOver(0)) {
            takeOver(response, Buffer.buffer());
            return false;
        }
        if (kind == FaultKind.STALL && position == 0) stall(response);
        return true;
    }

    private String contentType(String normal) {
        if (kind != FaultKind.WRONG_CONTENT_TYPE) return normal;
        injected();
        return spec.text("content-type");
    }

    /** Appends token event {@code index}; bad-json sends that one cut in the middle of its JSON. */
    void appendToken(StreamFormat templates, Buffer out, byte[] word, boolean reasoning, int index) {
        if (kind != FaultKind.BAD_JSON || index != position) {
            if (kind == FaultKind.STALL) appended = index + 1;
            templates.appendToken(out, word, reasoning);
            return;
        }
        Buffer event = Buffer.buffer(128);
        templates.appendToken(event, word, reasoning);
        out.appendBuffer(event, 0, event.length() / 2).appendString("\n\n");
        injected();
    }

    /** True when the emission must end after {@code sent} tokens, so the fault acts exactly there. */
    boolean boundaryAfter(int sent) {
        return sent == position && (kind == FaultKind.STREAM_CUT || kind == FaultKind.ERROR_EVENT || kind == FaultKind.STALL);
    }

    /** True when the fault ends the stream after {@code sent} tokens (stream-cut, error-event). */
    boolean takesOver(int sent) {
        return sent == position && (kind == FaultKind.STREAM_CUT || kind == FaultKind.ERROR_EVENT);
    }

    /** Writes {@code out} (the tokens so far) and ends the stream the fault's way. */
    void takeOver(HttpServerResponse response, Buffer out) {
        injected();
        if (kind == FaultKind.ERROR_EVENT) {
            String message = "Injected error event (request " + request + ")";
            if ("event".equals(spec.text("style"))) {
                out.appendString("event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\",\"message\":")
                        .appendString(JsonText.quote(message)).appendString(",\"param\":null}\n\n");
            } else {
                out.appendString("data: ").appendString(ErrorResponses.body(500, "InternalServerError", message))
                        .appendString("\n\n").appendBytes(ChunkTemplates.DONE);
            }
            end(response, out);
        } else if ("end".equals(spec.text("mode"))) {
            end(response, out);
        } else {
            response.write(out);
            connection.close(); // FIN after the tokens: the client reads them, then the end of the connection
        }
    }

    /** Writes one emission: at once, or behind a split's second half or a stall. */
    void write(HttpServerResponse response, Buffer out) {
        send(response, out, false);
    }

    /** Writes the last emission and ends the response (through the queue). */
    void end(HttpServerResponse response, Buffer out) {
        send(response, out, true);
    }

    private void send(HttpServerResponse response, Buffer out, boolean last) {
        if (holding) {
            queue(out, last);
        } else if (kind == FaultKind.SPLIT_LINE && out.length() > 1) {
            split(response, out, last);
        } else if (last) {
            response.end(out);
        } else {
            response.write(out);
            if (kind == FaultKind.STALL && !stalled && appended >= position) stall(response); // the write that carries token `position`
        }
    }

    private void queue(Buffer out, boolean last) {
        if (pending == null) pending = Buffer.buffer(out.length() * 2);
        pending.appendBuffer(out);
        endPending |= last;
    }

    /** The first part now, the rest after gap-ms: the break falls in the middle of the first line (a data: line). */
    private void split(HttpServerResponse response, Buffer out, boolean last) {
        injected();
        int lineStart = 0; // past a leading comment line (a send stamp): the break falls in data
        if (out.getByte(0) == ':') {
            while (lineStart < out.length() && out.getByte(lineStart) != '\n') lineStart++;
            lineStart = Math.min(lineStart + 1, out.length() - 1);
        }
        int lineEnd = lineStart;
        while (lineEnd < out.length() && out.getByte(lineEnd) != '\n') lineEnd++;
        int half = Math.max(1, lineStart + (lineEnd - lineStart) / 2);
        response.write(out.slice(0, half));
        holding = true;
        pending = out.getBuffer(half, out.length());
        endPending = last;
        ctx.vertx.timer((long) (spec.number("gap-ms") * 1e6), TimeUnit.NANOSECONDS).onComplete(ar -> release(response));
    }

    private void stall(HttpServerResponse response) {
        stalled = true;
        holding = true;
        injected();
        ctx.vertx.timer(Math.max(1, (long) (spec.number("stall-s") * 1e9)), TimeUnit.NANOSECONDS)
                .onComplete(ar -> release(response));
    }

    /** Sends what waited behind a split or a stall, and ends or closes when that was asked for meanwhile. */
    private void release(HttpServerResponse response) {
        holding = false;
        Buffer queued = pending == null ? Buffer.buffer() : pending;
        pending = null;
        boolean last = endPending;
        endPending = false;
        if (response.closed()) return;
        if (last) {
            response.end(queued);
        } else if (queued.length() > 0) {
            response.write(queued);
        }
    }

    // ------------------------------------------------------------ whole bodies

    /** True unless the fault breaks the response (the mock then counts no success). */
    boolean completes() {
        return kind == null || kind == FaultKind.SLOW_HEADERS || kind == FaultKind.SPLIT_LINE || kind == FaultKind.STALL;
    }

    /** Sends a non-streaming body ({@code application/json}) with the fault applied to it. */
    void sendWhole(HttpServerResponse response, String body) {
        if (kind == null) {
            response.putHeader("Content-Type", "application/json").end(body);
            return;
        }
        response.putHeader("Content-Type", contentType("application/json"));
        Buffer bytes = Buffer.buffer(body);
        int half = bytes.length() / 2;
        switch (kind) {
            case EMPTY_BODY -> {
                injected();
                response.end();
            }
            case BAD_JSON -> {
                injected();
                response.end(bytes.getBuffer(0, half));
            }
            case ERROR_EVENT -> {
                injected();
                response.end(ErrorResponses.body(500, "InternalServerError", "Injected error body (request " + request + ")"));
            }
            case STREAM_CUT -> {
                injected();
                response.putHeader("Content-Length", Integer.toString(bytes.length())).write(bytes.getBuffer(0, half));
                connection.close();
            }
            case STALL, SPLIT_LINE -> {
                injected();
                response.putHeader("Content-Length", Integer.toString(bytes.length())).write(bytes.getBuffer(0, half));
                long pause = kind == FaultKind.STALL ? (long) (spec.number("stall-s") * 1e9) : (long) (spec.number("gap-ms") * 1e6);
                ctx.vertx.timer(Math.max(1, pause), TimeUnit.NANOSECONDS).onComplete(ar -> {
                    if (!response.closed()) response.end(bytes.getBuffer(half, bytes.length()));
                });
            }
            default -> response.end(body); // wrong-content-type: counted with its header; slow-headers: already waited
        }
    }
}
