package dev.redline.runner.client;

import dev.redline.runner.record.ErrorInfo;
import dev.redline.runner.record.RequestRecord;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.vertx.core.Context;

import java.util.Locale;
import java.util.Map;

/**
 * One gRPC call, as {@link Exchange} is one HTTP exchange: sends the prepared request message, half-closes, and
 * fills the record with the same timestamps. The listener runs on grpc-java's transport thread and only takes
 * {@code System.nanoTime()} there (each response message is a chunk: the first is TTFT, the gaps are ITL); the
 * record is written on the exchange's event loop, its single writer. A non-OK status, a response the endpoint
 * cannot read, a server error inside the stream, or a stream that ends without its final response is an error.
 */
final class GrpcExchange extends ClientCall.Listener<byte[]> implements ClientExchange {
    private final InferenceClient client;
    private final GrpcTransport transport;
    private final PreparedRequest request;
    private final RequestRecord rec;
    private final Runnable onComplete;
    private Runnable onFirstChunk;
    private final Context ctx;
    private final ResponseParser parser;

    private final String session;
    private ClientCall<byte[], byte[]> call;
    private GrpcTransport.Call channelCall;
    private boolean done;
    private int messages;
    private boolean streamComplete;

    GrpcExchange(InferenceClient client, GrpcTransport transport, PreparedRequest request, RequestRecord rec,
                 Runnable onFirstChunk, Runnable onComplete, Context ctx, String session) {
        this.client = client;
        this.session = session;
        this.transport = transport;
        this.request = request;
        this.rec = rec;
        this.onFirstChunk = onFirstChunk;
        this.onComplete = onComplete;
        this.ctx = ctx;
        this.parser = client.newParser();
    }

    /** Runs on {@link #ctx}. */
    @Override
    public void start() {
        byte[] body = request.body().getBytes();
        Metadata metadata = metadata(request);
        rec.markStart(System.nanoTime(), InferenceClient.wallNowNs());
        channelCall = transport.newCall(rec.urlIndex(), session, client.config().timeoutSeconds());
        call = channelCall.call();
        try {
            call.start(this, metadata);
            call.request(Integer.MAX_VALUE);
            rec.markConnection(System.nanoTime(), 0); // the channel multiplexes calls over its HTTP/2 connections
            call.sendMessage(body);
            call.halfClose();
        } catch (RuntimeException e) {
            call.cancel("request could not be sent", e);
            finish(TransportErrors.of(e), System.nanoTime());
            return;
        }
        rec.markSent(System.nanoTime());
    }

    /** The request's headers as gRPC metadata (lower-case ASCII keys); HTTP framing headers are left to gRPC. */
    private static Metadata metadata(PreparedRequest request) {
        Metadata md = new Metadata();
        for (Map.Entry<String, String> h : request.headers()) {
            String key = h.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("content-type") || key.equals("content-length") || key.equals("host") || key.equals("accept")
                    || key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) continue;
            try {
                md.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), h.getValue());
            } catch (IllegalArgumentException notAscii) {
                InferenceClient.LOG.debug("header {} not sent over gRPC: {}", key, notAscii.getMessage());
            }
        }
        return md;
    }

    // --- transport thread: timestamp, then hand over to the event loop

    @Override
    public void onHeaders(Metadata headers) {
        long at = System.nanoTime();
        ctx.runOnContext(v -> {
            if (done) return;
            rec.markAck(at);
            rec.setHttpStatus(200);
        });
    }

    @Override
    public void onMessage(byte[] message) {
        long at = System.nanoTime();
        ctx.runOnContext(v -> onResponse(message, at));
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
        long at = System.nanoTime();
        ctx.runOnContext(v -> onClosed(status, at));
    }

    // --- event loop

    private void onResponse(byte[] message, long at) {
        if (done) return;
        messages++;
        if (rec.error() != null) return;
        if (!parser.parse(message, 0, message.length)) {
            rec.fail(GrpcErrors.invalidMessage(messages, parser.failure()));
            return;
        }
        if (parser.hasError()) {
            rec.fail(GrpcErrors.serverError(parser.errorMessage()));
            return;
        }
        if (parser.finished()) streamComplete = true;
        if (Exchange.recordParsed(parser, rec, at, SourceStamp.NONE) && onFirstChunk != null) {
            Runnable r = onFirstChunk;
            onFirstChunk = null;
            r.run();
        }
    }

    private void onClosed(Status status, long at) {
        if (done) return;
        ErrorInfo error = null;
        if (!status.isOk()) error = GrpcErrors.status(status, client.config().timeoutSeconds());
        else if (messages == 0) error = GrpcErrors.empty(transport.serverStreams());
        else if (transport.serverStreams() && !streamComplete && parser.streamNeedsEndMarker()) error = GrpcErrors.noFinalResponse(messages);
        finish(error, at);
    }

    private void finish(ErrorInfo error, long endNs) {
        if (done) return;
        done = true;
        if (error != null && rec.error() == null) rec.fail(error);
        rec.markEnd(endNs);
        if (channelCall != null) channelCall.release();
        client.completed();
        client.runCompletion(onComplete, request.requestId());
    }

    @Override
    public void cancel() {
        ctx.runOnContext(v -> {
            if (done) return;
            rec.cancel(System.nanoTime());
            finish(null, rec.cancellationPerfNs());
            if (call != null) call.cancel("cancelled by the client", null);
        });
    }

    @Override
    public void abandon() {
        ctx.runOnContext(v -> {
            if (done) return;
            rec.setLateForGrace(true);
            finish(null, System.nanoTime());
            if (call != null) call.cancel("grace period ended", null);
        });
    }
}
