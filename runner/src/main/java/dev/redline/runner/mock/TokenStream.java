package dev.redline.runner.mock;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.util.concurrent.TimeUnit;

/**
 * Sends one streaming response: token event k at its absolute target (received + ttft + gaps), so timer
 * lateness never accumulates. Runs entirely on the request's event loop, driven by Vert.x timers.
 * Events already due when a timer fires are written together in one buffer. Every byte goes through the
 * request's {@link ResponseFault}, which may break the stream at a token.
 */
final class TokenStream {
    private final Vertx vertx;
    private final HttpServerResponse response;
    private final ServedPlan plan;
    private final ChunkTemplates templates;
    private final GenerationJob job;
    private final ResponseFault fault;
    private long target;
    private long lastWrite;
    private int sent;
    private boolean done;

    TokenStream(Vertx vertx, HttpServerResponse response, ServedPlan plan, ChunkTemplates templates, GenerationJob job,
                ResponseFault fault) {
        this.vertx = vertx;
        this.response = response;
        this.plan = plan;
        this.templates = templates;
        this.job = job;
        this.fault = fault;
        this.target = job.receivedNanos + plan.gapNanos(job.request, 0);
    }

    void start() {
        response.closeHandler(v -> abort());
        response.exceptionHandler(e -> abort());
        if (fault.startStream(response, job.outputTokens)) {
            scheduleNext();
        } else {
            done = true;
            job.finished(false);
        }
    }

    private void scheduleNext() {
        long delay = target - System.nanoTime();
        if (delay <= 0) {
            emitDue();
        } else {
            vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> emitDue());
        }
    }

    private void emitDue() {
        if (done) return;
        Buffer out = Buffer.buffer(256);
        long now = System.nanoTime();
        if (sent == 0) {
            templates.appendRole(out);
            job.firstTokenNanos = now;
        }
        int before = sent;
        boolean first = sent == 0;
        while (sent < job.outputTokens) {
            boolean reasoning = sent < job.reasoningTokens;
            fault.appendToken(templates, out, job.word(sent), reasoning, sent);
            sent++;
            if (sent == job.outputTokens) break;
            target += plan.gapNanos(job.request, sent);
            if (target > now || fault.boundaryAfter(sent)) break;
        }
        job.tokensSent(sent - before);
        // Gaps as a client sees them: events written in one buffer are 0 s apart.
        if (!first) job.interTokenGaps(1, (now - lastWrite) / 1e9);
        job.interTokenGaps(sent - before - 1, 0);
        lastWrite = now;
        if (fault.takesOver(sent)) {
            done = true;
            job.finished(false);
            fault.takeOver(response, out);
        } else if (sent == job.outputTokens) {
            templates.appendFinish(out, job.finishReason);
            if (job.includeUsage) templates.appendUsage(out, job.promptTokens, job.outputTokens, job.reasoningTokens);
            out.appendBytes(ChunkTemplates.DONE);
            done = true;
            job.finished(fault.completes()); // before the last byte leaves: a client holding the whole stream sees it counted
            fault.end(response, out);
        } else {
            fault.write(response, out);
            scheduleNext();
        }
    }

    private void abort() {
        if (done) return;
        done = true;
        job.finished(false);
    }
}
