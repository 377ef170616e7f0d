package dev.redline.runner.load;

import dev.redline.runner.dataset.Turn;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One session started by an open-model arrival, confined to one event loop: sends its first turn with
 * the arrival's credit, each later turn after its delay (counted from the previous turn's completion),
 * and tells the phase when it ends.
 */
final class OpenSession {
    private final OpenLoopPhase phase;
    private final SessionRun session;
    private final Context ctx;
    private final Vertx vertx;
    private long delayTimer = -1;
    private Runnable afterDelay;
    private boolean ended;

    OpenSession(OpenLoopPhase phase, SessionRun session, Context ctx, Vertx vertx) {
        this.phase = phase;
        this.session = session;
        this.ctx = ctx;
        this.vertx = vertx;
    }

    /** Runs on {@link #ctx}: sends the first turn with the credit the arrival already took. */
    void start(long index, long intendedNs, long readyNs) {
        phase.issuer().issue(phase.state(), ctx, index, session, (int) (session.sessionNum % Integer.MAX_VALUE),
                intendedNs, readyNs, this::afterTurn);
    }

    private void afterTurn(RequestRecord rec) {
        PhaseState st = phase.state();
        if (st.stopped() || !session.hasNextTurn()) {
            end();
            return;
        }
        Turn next = session.nextTurn();
        long delayNs = phase.context().turnDelayNs(next);
        long intended = System.nanoTime() + delayNs;
        if (delayNs <= 0) {
            sendNext(intended);
            return;
        }
        phase.sleeping(this, true);
        afterDelay = () -> sendNext(intended);
        delayTimer = vertx.setTimer(Math.max(1, (delayNs + 999_999) / 1_000_000), id -> {
            delayTimer = -1;
            phase.sleeping(this, false);
            Runnable r = afterDelay;
            afterDelay = null;
            if (r != null) r.run();
        });
    }

    private void sendNext(long intendedNs) {
        long index = phase.state().takeCredit();
        if (index < 0) {
            end();
            return;
        }
        phase.issuer().issue(phase.state(), ctx, index, session, (int) (session.sessionNum % Integer.MAX_VALUE),
                intendedNs, intendedNs, this::afterTurn);
    }

    /** Ends a pending turn delay at once because the phase stopped (any thread). */
    void wake() {
        ctx.runOnContext(v -> {
            if (delayTimer >= 0 && vertx.cancelTimer(delayTimer)) {
                delayTimer = -1;
                phase.sleeping(this, false);
                afterDelay = null;
                end();
            }
        });
    }

    private void end() {
        if (ended) return;
        ended = true;
        phase.sessionEnded();
    }
}
