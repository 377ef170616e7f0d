package dev.redline.runner.mock;

import io.vertx.core.http.HttpServerResponse;

/** {@code POST /v1/chat/completions} and {@code POST /v1/completions}, streaming or not. */
final class GenerationHandler extends InferenceHandler {
    private final boolean chat;

    GenerationHandler(MockContext ctx, boolean chat) {
        super(ctx, chat ? EndpointKind.CHAT : EndpointKind.COMPLETIONS);
        this.chat = chat;
    }

    @Override
    protected void serve(HttpServerResponse response, InferenceRequest req, long index, long received, ResponseFault fault) {
        GenerationJob job = new GenerationJob(ctx, index, received, req, chat);
        String refused = ctx.pacer.refusal(job);
        if (refused != null) {
            ctx.metrics.badRequest();
            ErrorResponses.send(response, 400, "BadRequestError", refused);
            return;
        }
        job.started();
        long now = System.currentTimeMillis() / 1000;
        String id = (chat ? "chatcmpl-mock-" : "cmpl-mock-") + index;
        if (req.stream) {
            ChunkTemplates templates = chat ? ChunkTemplates.chat(id, now, req.model) : ChunkTemplates.completion(id, now, req.model);
            new TokenStream(response, ctx.pacer, templates, job, fault).start();
        } else {
            respondWhole(response, job, id, now, req.model, fault);
        }
    }

    private void respondWhole(HttpServerResponse response, GenerationJob job, String id, long created, String model,
                              ResponseFault fault) {
        boolean[] closed = {false};
        Runnable[] stop = {null};
        // registered before pacing: a pacer may answer at once, and a written response takes no close handler
        response.closeHandler(v -> {
            if (closed[0] || response.ended()) return;
            closed[0] = true;
            if (stop[0] != null) stop[0].run();
            job.finished(false);
        });
        stop[0] = ctx.pacer.pace(job, true, due -> {
            if (closed[0]) return;
            job.tokensSent(job.outputTokens);
            String text = WholeBodies.build(chat, id, created, model, job);
            job.finished(fault.completes()); // before the last byte leaves: a client holding the whole body sees it counted
            fault.sendWhole(response, text);
        });
    }
}
