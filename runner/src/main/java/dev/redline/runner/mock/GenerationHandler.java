package dev.redline.runner.mock;

import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.TimeUnit;

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
        long now = System.currentTimeMillis() / 1000;
        String id = (chat ? "chatcmpl-mock-" : "cmpl-mock-") + index;
        if (req.stream) {
            ChunkTemplates templates = chat ? ChunkTemplates.chat(id, now, req.model) : ChunkTemplates.completion(id, now, req.model);
            new TokenStream(ctx.vertx, response, ctx.plan, templates, job, fault).start();
        } else {
            respondWhole(response, job, id, now, req.model, fault);
        }
    }

    private void respondWhole(HttpServerResponse response, GenerationJob job, String id, long created, String model,
                              ResponseFault fault) {
        long offset = 0;
        for (int i = 0; i < job.outputTokens; i++) offset += ctx.plan.gapNanos(job.request, i);
        boolean[] closed = {false};
        response.closeHandler(v -> closed[0] = true);
        long firstToken = job.receivedNanos + ctx.plan.ttftNanos(job.request);
        long delay = job.receivedNanos + offset - System.nanoTime();
        Runnable finish = () -> {
            job.firstTokenNanos = firstToken;
            if (closed[0]) {
                job.finished(false);
                return;
            }
            job.tokensSent(job.outputTokens);
            for (int i = 1; i < job.outputTokens; i++) job.interTokenGaps(1, ctx.plan.gapNanos(job.request, i) / 1e9);
            String text = WholeBodies.build(chat, id, created, model, job);
            job.finished(fault.completes()); // before the last byte leaves: a client holding the whole body sees it counted
            fault.sendWhole(response, text);
        };
        if (delay <= 0) finish.run();
        else ctx.vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> finish.run());
    }
}
