package dev.redline.runner.mock;

import dev.redline.runner.client.SourceStamp;
import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.TimeUnit;

/**
 * An endpoint whose answer is one result, not a token stream (rankings, images, detections, transcripts):
 * the body is written after the request's ttft from the served plan (plus the endpoint's own per-item cost),
 * and counted in the mock's metrics with the request's prompt tokens.
 */
abstract class ResultHandler extends InferenceHandler {
    ResultHandler(MockContext ctx) {
        super(ctx);
    }

    /** The answer's body. */
    protected abstract String body(InferenceRequest req, long index);

    /** The answer as SSE events when the request streams (image generation); null when the endpoint never streams. */
    protected String events(InferenceRequest req, long index) { return null; }

    /** Extra latency of this request beyond ttft (e.g. 1 ms per ranked passage), in nanoseconds. */
    protected long extraNanos(InferenceRequest req) { return 0; }

    @Override
    protected void serve(HttpServerResponse response, InferenceRequest req, long index, long received, ResponseFault fault) {
        int promptTokens = 0;
        for (String input : req.inputs) promptTokens += ctx.promptTokens.applyAsInt(input);
        promptTokens += ctx.promptTokens.applyAsInt(req.promptText);
        MockMetrics.ModelStats model = ctx.metrics.model(req.model);
        ctx.metrics.started(model, promptTokens);
        String events = req.stream ? events(req, index) : null;
        String text = events != null ? events : body(req, index);
        long delay = received + ctx.plan.ttftNanos(index) + extraNanos(req) - System.nanoTime();
        Runnable finish = () -> {
            if (events != null) response.putHeader("Content-Type", "text/event-stream").end(text);
            else {
                if (req.stamps) response.putHeader(SourceStamp.SENT_HEADER, Long.toString(System.nanoTime()));
                fault.sendWhole(response, text);
            }
            ctx.metrics.finished(model, fault.completes(), -1, (System.nanoTime() - received) / 1e9);
        };
        if (delay <= 0) finish.run();
        else ctx.vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> finish.run());
    }
}
