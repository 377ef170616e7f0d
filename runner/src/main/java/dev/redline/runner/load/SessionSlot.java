package dev.redline.runner.load;

import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One closed-model concurrency slot: runs sessions back to back on one event loop, each turn as soon as
 * the previous one completed (plus the turn's delay), until the phase stops. Holds its slot across a
 * session's turns and delays, so concurrency counts sessions (AIPerf).
 */
final class SessionSlot {
    private final ClosedLoopPhase phase;
    private final int id;
    private final Context ctx;
    private final Vertx vertx;
    private SessionRun session;
    private long delayTimer = -1;
    private Runnable afterDelay;
    private boolean exited;

    SessionSlot(ClosedLoopPhase phase, int id, Context ctx, Vertx vertx) {
        this.phase = phase;
        this.id = id;
        this.ctx = ctx;
        this.vertx = vertx;
    }

    void startAfter(long delayNs) {
        ctx.runOnContext(v -> {
            if (delayNs <= 0) nextSession();
            else sleep(delayNs, this::nextSession);
        });
    }

    /** Ends a pending delay early once the phase has stopped (called from any thread). */
    void wake() {
        ctx.runOnContext(v -> {
            if (delayTimer >= 0 && vertx.cancelTimer(delayTimer)) {
                delayTimer = -1;
                Runnable r = afterDelay;
                afterDelay = null;
                r.run();
            }
        });
    }

    private void nextSession() {
        PhaseState st = phase.state();
        long sn = st.takeSession();
        if (sn < 0) {
            exit();
            return;
        }
        session = phase.source().open(sn);
        sendTurn(System.nanoTime());
    }

    private void sendTurn(long intendedNs) {
        PhaseState st = phase.state();
        long index = st.takeCredit();
        if (index < 0) {
            exit();
            return;
        }
        phase.issuer().issue(st, ctx, index, session, id, intendedNs, intendedNs, this::afterTurn);
    }

    private void afterTurn(RequestRecord rec) {
        if (phase.state().stopped()) {
            exit();
            return;
        }
        if (!session.hasNextTurn()) {
            nextSession();
            return;
        }
        Turn next = session.nextTurn();
        long delayNs = phase.turnDelayNs(next);
        long intended = System.nanoTime() + delayNs;
        if (delayNs <= 0) sendTurn(intended);
        else sleep(delayNs, () -> sendTurn(intended));
    }

    private void sleep(long ns, Runnable then) {
        afterDelay = then;
        delayTimer = vertx.setTimer(Math.max(1, (ns + 999_999) / 1_000_000), id -> {
            delayTimer = -1;
            Runnable r = afterDelay;
            afterDelay = null;
            if (r != null) r.run();
        });
    }

    private void exit() {
        if (exited) return;
        exited = true;
        phase.slotExited();
    }
}
