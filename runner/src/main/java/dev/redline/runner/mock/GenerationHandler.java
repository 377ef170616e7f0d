package dev.redline.runner.mock;

import dev.redline.runner.client.SourceStamp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** A text-generation endpoint (chat, completions, responses, messages, TGI, Triton, Solido, KServe), streaming or not. */
final class GenerationHandler extends InferenceHandler {
    private final GenerationApi api;

    GenerationHandler(MockContext ctx, GenerationApi api) {
        super(ctx);
        this.api = api;
    }

    @Override
    protected InferenceRequest parse(HttpServerRequest request, Buffer body) throws InferenceRequest.BadRequest {
        InferenceRequest req = api.parse(request, body, ctx.defaultModel);
        ctx.media.admit(req.imageUuids);
        ctx.media.add(req.media);
        return req;
    }

    @Override
    protected void serve(HttpServerResponse response, InferenceRequest req, long index, long received, ResponseFault fault) {
        GenerationJob job = new GenerationJob(ctx, index, received, req, api.reasons());
        String refused = ctx.pacer.refusal(job);
        if (refused != null) {
            ctx.metrics.badRequest();
            ErrorResponses.send(response, 400, "BadRequestError", refused);
            return;
        }
        job.started();
        StreamFormat format = api.format(index, System.currentTimeMillis() / 1000, req.model);
        if (req.stream) {
            new TokenStream(response, ctx.pacer, format, job, fault).start();
        } else {
            respondWhole(response, job, format, fault);
        }
    }

    private void respondWhole(HttpServerResponse response, GenerationJob job, StreamFormat format, ResponseFault fault) {
        boolean[] closed = {false};
        Runnable[] stop = {null};
        // before pacing: a body due at once is written inside pace(), and a written response takes no handler
        response.closeHandler(v -> {
            if (closed[0] || response.ended()) return;
            closed[0] = true;
            if (stop[0] != null) stop[0].run();
            job.finished(false);
        });
        stop[0] = ctx.pacer.pace(job, true, due -> {
            if (closed[0]) return;
            job.tokensSent(job.outputTokens);
            String text = format.wholeBody(job);
            job.finished(fault.completes()); // before the last byte leaves: a client holding the whole body sees it counted
            if (job.stamps) response.putHeader(SourceStamp.SENT_HEADER, Long.toString(System.nanoTime()));
            fault.sendWhole(response, text);
        });
    }
}
