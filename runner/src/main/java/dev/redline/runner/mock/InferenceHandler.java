package dev.redline.runner.mock;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * What every inference endpoint does before it answers: counts the request, reads and parses its body
 * (400 on bad input), takes the request's index in the served plan and answers the planned injected
 * failures (500). Subclasses answer the requests that get through.
 */
abstract class InferenceHandler implements Handler<HttpServerRequest> {
    protected final MockContext ctx;
    private final EndpointKind kind;

    InferenceHandler(MockContext ctx, EndpointKind kind) {
        this.ctx = ctx;
        this.kind = kind;
    }

    @Override
    public final void handle(HttpServerRequest request) {
        long received = System.nanoTime();
        ctx.metrics.received();
        request.body().onSuccess(body -> admit(request.response(), body, received));
    }

    private void admit(HttpServerResponse response, Buffer body, long received) {
        InferenceRequest req;
        try {
            req = InferenceRequest.parse(body, kind, ctx.defaultModel);
        } catch (InferenceRequest.BadRequest e) {
            ctx.metrics.badRequest();
            ErrorResponses.send(response, 400, "BadRequestError", e.getMessage());
            return;
        }
        long index = ctx.plan.nextRequest();
        if (ctx.plan.fails(index)) {
            ctx.metrics.injectedError();
            ErrorResponses.send(response, 500, "InternalServerError", "Injected mock server error (request " + index + ")");
            return;
        }
        serve(response, req, index, received);
    }

    /**
     * Answers a parsed request that is not to fail. {@code index} is its place in the served plan;
     * {@code receivedNanos} the {@link System#nanoTime()} at which it arrived.
     */
    protected abstract void serve(HttpServerResponse response, InferenceRequest req, long index, long receivedNanos);
}
