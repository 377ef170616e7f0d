package dev.redline.runner.mock;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Sends one streaming response: whenever its {@link TokenPacer} says more tokens are due, they are written together
 * in one buffer, and after the last one the finish event, the optional usage chunk and {@code [DONE]}. Runs on the
 * request's event loop.
 */
final class TokenStream {
    private final HttpServerResponse response;
    private final TokenPacer pacer;
    private final ChunkTemplates templates;
    private final GenerationJob job;
    private Runnable stopPacing;
    private int sent;
    private boolean done;

    TokenStream(HttpServerResponse response, TokenPacer pacer, ChunkTemplates templates, GenerationJob job) {
        this.response = response;
        this.pacer = pacer;
        this.templates = templates;
        this.job = job;
    }

    void start() {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        response.closeHandler(v -> abort());
        response.exceptionHandler(e -> abort());
        response.writeHead();
        stopPacing = pacer.pace(job, false, this::emitUpTo);
    }

    /** Writes tokens {@code sent .. due-1}; after the last one, ends the stream. */
    private void emitUpTo(int due) {
        if (done || due <= sent) return;
        Buffer out = Buffer.buffer(256);
        if (sent == 0) templates.appendRole(out);
        int before = sent;
        while (sent < due) {
            templates.appendToken(out, job.word(sent), sent < job.reasoningTokens);
            sent++;
        }
        job.tokensSent(sent - before);
        if (sent == job.outputTokens) {
            templates.appendFinish(out, job.finishReason);
            if (job.includeUsage) templates.appendUsage(out, job.promptTokens, job.outputTokens, job.reasoningTokens);
            out.appendBytes(ChunkTemplates.DONE);
            done = true;
            job.finished(true); // before the last byte leaves: a client holding the whole stream sees it counted
            response.end(out);
        } else {
            response.write(out);
        }
    }

    private void abort() {
        if (done) return;
        done = true;
        if (stopPacing != null) stopPacing.run();
        job.finished(false);
    }
}
