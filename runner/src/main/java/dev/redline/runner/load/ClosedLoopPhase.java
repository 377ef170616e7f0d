package dev.redline.runner.load;

import dev.redline.runner.client.RequestHandle;
import dev.redline.runner.dataset.Turn;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed model ({@code concurrency}): N slots each send their next request as soon as their previous
 * one completes. Stops at the request/session count or at the duration; after the duration, responses
 * still running when the grace period ends are cut and marked late. Optional concurrency ramp: slot i
 * starts at i x ramp / (N - 1), so concurrency grows by one at even steps and reaches N at the ramp's end.
 */
final class ClosedLoopPhase {
    private final Vertx vertx;
    private final PhaseContext ctx;
    private final PhaseState state;
    private final List<SessionSlot> slots = new ArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private long durationTimer = -1;
    private long graceTimer = -1;
    private final List<Long> rampTimers = new ArrayList<>();

    ClosedLoopPhase(PhaseContext ctx, PhasePlan plan) {
        this.ctx = ctx;
        this.vertx = ctx.vertx();
        this.state = new PhaseState(plan, ctx.progress(), ctx.seed());
    }

    PhaseState state() { return state; }
    SessionSource source() { return ctx.source(); }
    TurnIssuer issuer() { return ctx.issuer(); }
    long turnDelayNs(Turn t) { return ctx.turnDelayNs(t); }

    CompletableFuture<Void> start() {
        PhasePlan plan = state.plan;
        int n = (int) Math.max(1, Math.min(plan.concurrency(), Math.min(plan.maxRequests(), plan.maxSessions())));
        ctx.progress().startPhase(plan.name(), plan.kind() == dev.redline.runner.record.RequestRecord.Phase.WARMUP,
                plan.maxRequests() == PhasePlan.UNLIMITED ? -1 : plan.maxRequests(),
                plan.durationNs() < 0 ? -1 : plan.durationNs() / 1e9);
        state.startNs = System.nanoTime();
        active.set(n);
        for (int i = 0; i < n; i++) slots.add(new SessionSlot(this, i, ctx.client().nextContext(), vertx));
        if (plan.durationNs() >= 0) {
            durationTimer = vertx.setTimer(Math.max(1, plan.durationNs() / 1_000_000), id -> onDurationEnd());
        }
        if (state.prefillGate != null) {
            rampTimers.addAll(Ramps.schedule(vertx, plan.spec().getPrefillConcurrency(), plan.prefillRampNs(), state.prefillGate::setLimit));
        }
        long ramp = plan.concurrencyRampNs();
        for (int i = 0; i < n; i++) slots.get(i).startAfter(n > 1 && ramp > 0 ? ramp * i / (n - 1) : 0);
        return state.done;
    }

    private void onDurationEnd() {
        durationTimer = -1;
        state.stop();
        slots.forEach(SessionSlot::wake);
        long grace = state.plan.graceNs();
        if (grace != PhasePlan.UNLIMITED) {
            graceTimer = vertx.setTimer(Math.max(1, grace / 1_000_000), id -> onGraceEnd());
        }
    }

    private void onGraceEnd() {
        graceTimer = -1;
        for (RequestHandle h : List.copyOf(state.inFlight)) h.abandon();
    }

    void slotExited() {
        if (active.decrementAndGet() == 0) {
            state.stop();
            if (durationTimer >= 0) vertx.cancelTimer(durationTimer);
            if (graceTimer >= 0) vertx.cancelTimer(graceTimer);
            rampTimers.forEach(vertx::cancelTimer);
            state.done.complete(null);
        }
    }
}
