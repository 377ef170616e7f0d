package dev.redline.runner.load;

import dev.redline.runner.client.RequestHandle;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * User-centric rate (AIPerf, KV-cache benchmarking): N users share a global rate Q, so each user sends a
 * turn every N/Q seconds. User i starts at i/Q (staggered, so the aggregate is Q from the start); a user
 * never has two turns in flight: when a response outlasts the gap, the next turn goes on completion and
 * that user's schedule re-bases to then. When a user's session ends, a new user (the next session)
 * takes its place one gap later. Paced with event-loop timers (per-user gaps are long).
 */
final class UserCentricPhase {
    private final PhaseContext ctx;
    private final Vertx vertx;
    private final PhaseState state;
    private final long gapNs;
    private final int users;
    private final AtomicInteger active = new AtomicInteger();
    private final List<User> all = new ArrayList<>();
    private long durationTimer = -1;
    private long graceTimer = -1;

    UserCentricPhase(PhaseContext ctx, PhasePlan plan, int users, double rate) {
        this.ctx = ctx;
        this.vertx = ctx.vertx();
        this.state = new PhaseState(plan, ctx.progress(), ctx.seed());
        this.users = users;
        this.gapNs = (long) (users / rate * 1e9);
    }

    PhaseState state() { return state; }

    CompletableFuture<Void> start() {
        PhasePlan plan = state.plan;
        ctx.progress().startPhase(plan.name(), plan.kind() == RequestRecord.Phase.WARMUP,
                plan.maxRequests() == PhasePlan.UNLIMITED ? -1 : plan.maxRequests(),
                plan.durationNs() < 0 ? -1 : plan.durationNs() / 1e9);
        long start = System.nanoTime();
        state.startNs = start;
        active.set(users);
        if (plan.durationNs() >= 0) durationTimer = vertx.setTimer(Math.max(1, plan.durationNs() / 1_000_000), id -> onDurationEnd());
        long stagger = gapNs / users;
        for (int i = 0; i < users; i++) {
            User u = new User(i, ctx.client().nextContext());
            all.add(u);
            long at = start + i * stagger;
            u.ctx.runOnContext(v -> u.newSession(at));
        }
        return state.done;
    }

    private void onDurationEnd() {
        durationTimer = -1;
        state.stop();
        all.forEach(User::wake);
        long grace = state.plan.graceNs();
        if (grace != PhasePlan.UNLIMITED) {
            graceTimer = vertx.setTimer(Math.max(1, grace / 1_000_000), id -> {
                graceTimer = -1;
                for (RequestHandle h : List.copyOf(state.inFlight)) h.abandon();
            });
        }
    }

    private void userDone() {
        if (active.decrementAndGet() == 0) {
            state.stop();
            if (durationTimer >= 0) vertx.cancelTimer(durationTimer);
            if (graceTimer >= 0) vertx.cancelTimer(graceTimer);
            state.done.complete(null);
        }
    }

    /** One user slot, confined to one event loop; runs sessions one after another. */
    private final class User {
        final int id;
        final Context ctx;
        SessionRun session;
        long timer = -1;
        boolean done;

        User(int id, Context ctx) {
            this.id = id;
            this.ctx = ctx;
        }

        void newSession(long atNs) {
            long sn = state.takeSession();
            if (sn < 0) {
                finish();
                return;
            }
            session = UserCentricPhase.this.ctx.source().open(sn);
            sendAt(atNs);
        }

        void sendAt(long atNs) {
            long wait = atNs - System.nanoTime();
            if (wait <= 0) {
                send(atNs);
                return;
            }
            timer = vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), t -> {
                timer = -1;
                send(atNs);
            });
        }

        void send(long intendedNs) {
            long index = state.takeCredit();
            if (index < 0) {
                finish();
                return;
            }
            UserCentricPhase.this.ctx.issuer().issue(state, ctx, index, session, id, intendedNs, intendedNs, rec -> {
                if (state.stopped()) {
                    finish();
                    return;
                }
                // next turn one gap after this send; if the response outlasted the gap, now (re-based)
                long next = Math.max(intendedNs + gapNs, System.nanoTime());
                if (session.hasNextTurn()) sendAt(next);
                else newSession(next);
            });
        }

        void wake() {
            ctx.runOnContext(v -> {
                if (timer >= 0 && vertx.cancelTimer(timer)) {
                    timer = -1;
                    finish();
                }
            });
        }

        void finish() {
            if (done) return;
            done = true;
            userDone();
        }
    }
}
