package dev.redline.runner.mock;

import dev.redline.runner.client.SourceStamp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Sends one streaming response: whenever its {@link TokenPacer} says more tokens are due, they are written together
 * in one buffer, and after the last one the finish event, the optional usage chunk and {@code [DONE]}. Runs on the
 * request's event loop. Every byte goes through the request's {@link ResponseFault}, which may break the stream at
 * a token: a buffer then ends at that token, so the fault acts exactly there whatever the pacer decided.
 */
final class TokenStream {
    private final HttpServerResponse response;
    private final TokenPacer pacer;
    private final StreamFormat templates;
    private final GenerationJob job;
    private final ResponseFault fault;
    private Runnable stopPacing;
    private int sent;
    private boolean done;

    TokenStream(HttpServerResponse response, TokenPacer pacer, StreamFormat templates, GenerationJob job,
                ResponseFault fault) {
        this.response = response;
        this.pacer = pacer;
        this.templates = templates;
        this.job = job;
        this.fault = fault;
    }

    void start() {
        response.closeHandler(v -> abort());
        response.exceptionHandler(e -> abort());
        if (fault.startStream(response, job.outputTokens)) {
            stopPacing = pacer.pace(job, false, this::emitUpTo);
        } else {
            done = true;
            job.finished(false);
        }
    }

    /** Writes tokens {@code sent .. due-1} (in pieces split at the fault's token); after the last one, ends the stream. */
    private void emitUpTo(int due) {
        while (!done && sent < due) emitPiece(due);
    }

    private void emitPiece(int due) {
        Buffer out = Buffer.buffer(256);
        // the stamp leads the write and applies to every event in it: they leave together
        if (job.stamps) SourceStamp.appendComment(out, System.nanoTime());
        if (sent == 0) templates.appendStart(out);
        int before = sent;
        while (sent < due) {
            fault.appendToken(templates, out, job.word(sent), sent < job.reasoningTokens, sent);
            sent++;
            if (fault.boundaryAfter(sent)) break;
        }
        job.tokensSent(sent - before);
        if (fault.takesOver(sent)) {
            finish(false);
            fault.takeOver(response, out);
        } else if (sent == job.outputTokens) {
            templates.appendEnd(out, job);
            finish(fault.completes()); // before the last byte leaves: a client holding the whole stream sees it counted
            fault.end(response, out);
        } else {
            fault.write(response, out);
        }
    }

    private void finish(boolean completed) {
        done = true;
        if (completed || stopPacing == null) {
            job.finished(completed);
            return;
        }
        stopPacing.run(); // a stream cut before its end frees its place in the engine's batch
        job.finished(false);
    }

    private void abort() {
        if (done) return;
        done = true;
        if (stopPacing != null) stopPacing.run();
        job.finished(false);
    }
}
