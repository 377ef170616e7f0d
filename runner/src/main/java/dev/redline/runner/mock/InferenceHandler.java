package dev.redline.runner.mock;

import dev.redline.runner.client.SourceStamp;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.TimeUnit;

/**
 * What every inference endpoint does before it answers: counts the request, reads and parses its body
 * (400 on bad input), takes the request's index in the served plan and decides its fault: the faults
 * that replace the answer (429, 5xx, storm, reset) are answered here, slow headers delay the endpoint,
 * and the rest travel with the request to where its response is written. Subclasses answer the requests
 * that get through.
 */
abstract class InferenceHandler implements Handler<HttpServerRequest> {
    protected final MockContext ctx;

    InferenceHandler(MockContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public final void handle(HttpServerRequest request) {
        long received = System.nanoTime();
        ctx.metrics.received();
        boolean stamps = request.headers().contains(SourceStamp.REQUEST_HEADER);
        request.body().onSuccess(body -> admit(request, body, received, stamps));
    }

    private void admit(HttpServerRequest request, Buffer body, long received, boolean stamps) {
        HttpServerResponse response = request.response();
        InferenceRequest req;
        try {
            req = parse(request, body);
        } catch (InferenceRequest.BadRequest e) {
            ctx.metrics.badRequest();
            ErrorResponses.send(response, 400, "BadRequestError", e.getMessage());
            return;
        }
        long index = ctx.plan.nextRequest();
        ResponseFault fault = ResponseFault.of(ctx.faults.decide(index, received), ctx, index, request.connection());
        if (fault.answersInstead(response)) return;
        req.stamps = stamps;
        if (stamps) response.putHeader(SourceStamp.RECEIVED_HEADER, Long.toString(received));
        long delay = fault.headerDelayNanos();
        if (delay <= 0) {
            serve(response, req, index, received, fault);
            return;
        }
        ctx.vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> {
            if (!response.closed()) serve(response, req, index, received + delay, fault); // the answer starts late
        });
    }

    /** Reads the request; {@link InferenceRequest.BadRequest} (answered 400) when it is not the endpoint's shape. */
    protected abstract InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest;

    /**
     * Answers a parsed request. {@code index} is its place in the served plan; {@code receivedNanos} the
     * {@link System#nanoTime()} the answer counts from; {@code fault} writes the response (or breaks it).
     * {@code req.stamps}: the client asked for {@link SourceStamp}s (the received stamp is already in the headers).
     */
    protected abstract void serve(HttpServerResponse response, InferenceRequest req, long index, long receivedNanos,
                                  ResponseFault fault);
}
