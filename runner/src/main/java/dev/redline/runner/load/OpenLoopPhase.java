package dev.redline.runner.load;

import dev.redline.runner.client.RequestHandle;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The open model: a {@link Pacer} thread releases arrivals at their scheduled instants (rate or trace
 * timestamps); each arrival starts a session on an event loop. With a concurrency ceiling an arrival
 * that finds every slot busy waits in FIFO order and keeps its intended send time, so the wait shows in
 * send lag and effective latency instead of silently shifting the schedule.
 */
final class OpenLoopPhase {
    static final long MAX_CATCH_UP_NS = 10_000_000L; // AIPerf's AIPERF_TIMING_MAX_CATCHUP_SECONDS default

    private final PhaseContext ctx;
    private final Vertx vertx;
    private final PhaseState state;
    private final ArrivalSchedule schedule;
    private final LongFunction<SessionRun> sessions;
    private final SlotGate ceiling;
    private final AtomicLong outstanding = new AtomicLong(); // arrivals admitted or queued, not yet ended
    private final Set<OpenSession> sleeping = ConcurrentHashMap.newKeySet();
    private final List<Long> timers = new ArrayList<>(); // guarded by this
    private volatile boolean pacerDone;
    private volatile Pacer pacer;
    private long graceTimer = -1;

    private final long maxCatchUpNs;

    /**
     * @param reanchor re-anchor when the pacer falls behind (rate schedules); a trace replay keeps its
     *                 absolute timestamps and sends late entries at once instead
     */
    OpenLoopPhase(PhaseContext ctx, PhasePlan plan, ArrivalSchedule schedule, LongFunction<SessionRun> sessions, boolean reanchor) {
        this.maxCatchUpNs = reanchor ? MAX_CATCH_UP_NS : Long.MAX_VALUE;
        this.ctx = ctx;
        this.vertx = ctx.vertx();
        this.state = new PhaseState(plan, ctx.progress(), ctx.seed(), true);
        this.schedule = schedule;
        this.sessions = sessions;
        int c = plan.concurrency();
        this.ceiling = c == Integer.MAX_VALUE ? null : new SlotGate(SlotGate.rampLimit(c, plan.concurrencyRampNs(), 0));
    }

    PhaseState state() { return state; }
    PhaseContext context() { return ctx; }
    TurnIssuer issuer() { return ctx.issuer(); }

    /** Pacer statistics once the phase has run. */
    Pacer pacer() { return pacer; }

    CompletableFuture<Void> start() {
        PhasePlan plan = state.plan;
        ctx.progress().startPhase(plan.name(), plan.kind() == RequestRecord.Phase.WARMUP,
                plan.maxRequests() == PhasePlan.UNLIMITED ? -1 : plan.maxRequests(),
                plan.durationNs() < 0 ? -1 : plan.durationNs() / 1e9);
        if (ceiling != null) timers.addAll(Ramps.schedule(vertx, plan.concurrency(), plan.concurrencyRampNs(), ceiling::setLimit));
        if (state.prefillGate != null) {
            timers.addAll(Ramps.schedule(vertx, plan.spec().getPrefillConcurrency(), plan.prefillRampNs(), state.prefillGate::setLimit));
        }
        pacer = new Pacer(ctx.clock(), schedule, maxCatchUpNs, plan.durationNs(), this::arrival);
        Thread t = new Thread(() -> {
            // anchor time zero here, on the running pacer thread: thread start-up is not schedule lateness
            long start = ctx.clock().nanoTime();
            state.startNs = start;
            if (plan.durationNs() >= 0) {
                long id = vertx.setTimer(Math.max(1, plan.durationNs() / 1_000_000), x -> onDurationEnd());
                synchronized (this) {
                    timers.add(id);
                }
            }
            pacer.runFrom(start);
            pacerDone = true;
            checkDone();
        }, "redline-pacer-" + plan.name());
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        return state.done;
    }

    /** On the pacer thread: admit one arrival (or stop pacing). */
    private boolean arrival(long intendedNs) {
        if (state.stopped()) return false;
        long sn = state.takeSession();
        if (sn < 0) return false;
        long index = state.takeCredit();
        if (index < 0) return false;
        outstanding.incrementAndGet();
        Runnable begin = () -> {
            // queued behind the ceiling: the client could send only once a slot freed
            long ready = ceiling == null ? intendedNs : Math.max(intendedNs, System.nanoTime());
            Context c = ctx.client().nextContext();
            c.runOnContext(v -> {
                SessionRun run = sessions.apply(sn);
                if (run == null) {
                    sessionEnded();
                    return;
                }
                new OpenSession(this, run, c, vertx).start(index, intendedNs, ready);
            });
        };
        if (ceiling == null) begin.run();
        else ceiling.acquire(begin);
        return !state.stopped() || state.creditsIssued() < state.plan.maxRequests();
    }

    void sleeping(OpenSession s, boolean asleep) {
        if (asleep) sleeping.add(s);
        else sleeping.remove(s);
    }

    void sessionEnded() {
        if (ceiling != null) ceiling.release();
        outstanding.decrementAndGet();
        checkDone();
    }

    private void onDurationEnd() {
        state.stop();
        Pacer p = pacer;
        if (p != null) p.stop();
        if (ceiling != null) {
            long dropped = ceiling.clearWaiting(); // arrivals still waiting for a slot are never sent
            outstanding.addAndGet(-dropped);
        }
        sleeping.forEach(OpenSession::wake);
        long grace = state.plan.graceNs();
        if (grace != PhasePlan.UNLIMITED) graceTimer = vertx.setTimer(Math.max(1, grace / 1_000_000), id -> onGraceEnd());
        checkDone();
    }

    private void onGraceEnd() {
        graceTimer = -1;
        for (RequestHandle h : List.copyOf(state.inFlight)) h.abandon();
    }

    private synchronized void checkDone() {
        if (state.done.isDone() || !pacerDone || outstanding.get() > 0) return;
        state.stop();
        timers.forEach(vertx::cancelTimer);
        if (graceTimer >= 0) vertx.cancelTimer(graceTimer);
        state.done.complete(null);
    }
}
