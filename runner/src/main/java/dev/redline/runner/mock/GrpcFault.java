package dev.redline.runner.mock;

import dev.redline.runner.mock.fault.FaultKind;
import dev.redline.runner.mock.fault.FaultSpec;
import io.grpc.Status;

/**
 * One gRPC request's fault, as a gRPC server or the network would show it (docs/mock-server.md, "Faults over gRPC"):
 * 429 is RESOURCE_EXHAUSTED, 5xx INTERNAL / UNIMPLEMENTED / UNAVAILABLE by status, a storm UNAVAILABLE, a reset the
 * UNAVAILABLE a client reads from a reset connection; slow-headers holds the first message back; stream-cut, stall,
 * bad-json (a message that is not protobuf) and error-event (Triton's {@code error_message}) act after their token
 * count; empty-body is an answer with no outputs (unary) or no messages (stream). split-line and wrong-content-type
 * are HTTP framing: gRPC frames every message itself, so they do not apply and are not counted. Used on the answer's
 * Vert.x context only.
 */
final class GrpcFault {
    static final GrpcFault NONE = new GrpcFault(null, null, -1);

    private final FaultSpec spec;
    private final FaultKind kind;
    private final MockContext ctx;
    private final long request;
    private int position = -1;
    private boolean counted;

    private GrpcFault(FaultSpec spec, MockContext ctx, long request) {
        this.spec = spec;
        this.kind = spec == null ? null : spec.kind();
        this.ctx = ctx;
        this.request = request;
    }

    static GrpcFault of(FaultSpec spec, MockContext ctx, long request) {
        if (spec == null || spec.kind() == FaultKind.SPLIT_LINE || spec.kind() == FaultKind.WRONG_CONTENT_TYPE) return NONE;
        return new GrpcFault(spec, ctx, request);
    }

    FaultKind kind() { return kind; }

    /** Counts the fault once, when it acts. */
    void injected() {
        if (counted || kind == null) return;
        counted = true;
        ctx.metrics.faultInjected(kind);
    }

    /** The status answered instead of the endpoint (429, 5xx, storm, reset), counted; null for the other kinds. */
    Status instead() {
        if (kind == null) return null;
        Status s = switch (kind) {
            case RATE_LIMITED -> Status.RESOURCE_EXHAUSTED.withDescription("Injected rate limit (request " + request
                    + "); retry after " + spec.count("retry-after-s") + " s");
            case SERVER_ERROR -> serverError(spec.count("status"));
            case STORM -> Status.UNAVAILABLE.withDescription("Injected 503 storm (request " + request + "); retry after "
                    + spec.count("retry-after-s") + " s");
            case RESET -> Status.UNAVAILABLE.withDescription("Injected connection reset (request " + request + ")");
            default -> null;
        };
        if (s != null) injected();
        return s;
    }

    /** HTTP's mapping of a status onto gRPC codes (grpc/doc/http-grpc-status-mapping.md), 500 as INTERNAL. */
    private Status serverError(int http) {
        Status code = switch (http) {
            case 500 -> Status.INTERNAL;
            case 501 -> Status.UNIMPLEMENTED;
            case 502, 503, 504 -> Status.UNAVAILABLE;
            default -> Status.UNKNOWN;
        };
        return code.withDescription("Injected mock server error " + http + " (request " + request + ")");
    }

    /** Nanoseconds to hold the first message back (slow-headers, counted now), else 0. */
    long headerDelayNanos() {
        if (kind != FaultKind.SLOW_HEADERS) return 0;
        injected();
        return (long) (spec.number("delay-s") * 1e9);
    }

    /** Fixes the token index the fault acts at in a stream of {@code outputTokens}, clamped so that it acts. */
    void startStream(int outputTokens) {
        if (kind == null) return;
        position = switch (kind) {
            case STREAM_CUT, ERROR_EVENT -> Math.min(spec.count("after-tokens"), outputTokens);
            case STALL -> Math.min(spec.count("after-tokens"), outputTokens - 1);
            case BAD_JSON -> Math.min(spec.count("at-token"), outputTokens - 1);
            default -> -1;
        };
    }

    /** Where the next message must end so the fault acts exactly there: min(due, position) when it lies ahead. */
    int boundary(int sent, int due) {
        return position > sent && position < due && kind != FaultKind.BAD_JSON ? position : due;
    }

    /** True when the fault acts once {@code sent} tokens went out (stream-cut, error-event, stall). */
    boolean actsAfter(int sent) {
        return sent == position && (kind == FaultKind.STREAM_CUT || kind == FaultKind.ERROR_EVENT || kind == FaultKind.STALL);
    }

    /** True when the message of tokens [from, to) is sent corrupt (bad-json: it holds token {@code at-token}). */
    boolean corrupts(int from, int to) {
        if (kind != FaultKind.BAD_JSON || position < from || position >= to) return false;
        injected();
        return true;
    }

    /** True when a unary answer is broken or held whole (stream-cut, error-event, stall). */
    boolean breaksUnary() {
        return kind == FaultKind.STREAM_CUT || kind == FaultKind.ERROR_EVENT || kind == FaultKind.STALL;
    }

    boolean emptyAnswer() {
        if (kind != FaultKind.EMPTY_BODY) return false;
        injected();
        return true;
    }

    /** Bytes that no protobuf parser takes: a field tag with wire type 7 (there is none). */
    static byte[] garbage() {
        return new byte[]{0x0F, (byte) 0xFF, (byte) 0xFF, 0x01};
    }

    /** How long a stall holds the answer, at least 1 ns. */
    long stallNanos() { return Math.max(1, (long) (spec.number("stall-s") * 1e9)); }

    /** stream-cut mode end: the stream ends cleanly without Triton's final response; close: the call fails UNAVAILABLE. */
    boolean cutEndsCleanly() { return "end".equals(spec.text("mode")); }

    String errorMessage() { return "Injected error event (request " + request + ")"; }

    /** True unless the fault breaks the answer (the mock then counts no success). */
    boolean completes() {
        return kind == null || kind == FaultKind.SLOW_HEADERS || kind == FaultKind.STALL;
    }
}
