package dev.redline.runner.mock;

import io.vertx.core.Vertx;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * {@code --engine fixed}: token k is due at its absolute target (received + ttft + k gaps of itl, plus seeded
 * jitter), whatever the load, so timer lateness never accumulates; tokens already due when a timer fires are due
 * together. A whole body is due when its last token would be.
 */
final class FixedPacer implements TokenPacer {
    private final Vertx vertx;
    private final ServedPlan plan;

    FixedPacer(Vertx vertx, ServedPlan plan) {
        this.vertx = vertx;
        this.plan = plan;
    }

    @Override
    public Runnable pace(GenerationJob job, boolean wholeBody, IntConsumer due) {
        return wholeBody ? whole(job, due) : new Stream(job, due).start();
    }

    private Runnable whole(GenerationJob job, IntConsumer due) {
        long offset = 0;
        for (int i = 0; i < job.outputTokens; i++) offset += plan.gapNanos(job.request, i);
        boolean[] stopped = {false};
        Runnable finish = () -> {
            if (stopped[0]) return;
            job.firstTokenNanos = job.receivedNanos + plan.ttftNanos(job.request);
            for (int i = 1; i < job.outputTokens; i++) job.interTokenGaps(1, plan.gapNanos(job.request, i) / 1e9);
            due.accept(job.outputTokens);
        };
        long delay = job.receivedNanos + offset - System.nanoTime();
        if (delay <= 0) finish.run();
        else vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> finish.run());
        return () -> stopped[0] = true;
    }

    /** One streaming response's schedule, on the request's event loop. */
    private final class Stream {
        private final GenerationJob job;
        private final IntConsumer due;
        private long target;
        private long lastDue;
        private int sent;
        private boolean stopped;

        Stream(GenerationJob job, IntConsumer due) {
            this.job = job;
            this.due = due;
            this.target = job.receivedNanos + plan.gapNanos(job.request, 0);
        }

        Runnable start() {
            scheduleNext();
            return () -> stopped = true;
        }

        private void scheduleNext() {
            long delay = target - System.nanoTime();
            if (delay <= 0) fire();
            else vertx.timer(delay, TimeUnit.NANOSECONDS).onComplete(ar -> fire());
        }

        private void fire() {
            if (stopped) return;
            long now = System.nanoTime();
            boolean first = sent == 0;
            if (first) job.firstTokenNanos = now;
            int before = sent;
            while (sent < job.outputTokens) {
                sent++;
                if (sent == job.outputTokens) break;
                target += plan.gapNanos(job.request, sent);
                if (target > now) break;
            }
            // Gaps as a client sees them: tokens due together are written in one buffer, 0 s apart.
            if (!first) job.interTokenGaps(1, (now - lastDue) / 1e9);
            job.interTokenGaps(sent - before - 1, 0);
            lastDue = now;
            due.accept(sent);
            if (sent < job.outputTokens && !stopped) scheduleNext();
        }
    }
}
