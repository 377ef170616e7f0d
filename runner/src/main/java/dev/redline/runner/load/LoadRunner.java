package dev.redline.runner.load;

import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.record.RecordSink;
import dev.redline.runner.record.RequestRecord;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs a benchmark's phases in order (typically warmup, then profiling). Each phase is fully drained
 * before the next starts, so warmup requests never overlap measured ones. Records go to the sink, tagged
 * with their phase, on the client's event loops. The phase's load type picks the engine: closed model
 * (concurrency slots), open model (pacer thread at a rate), or fixed schedule (trace timestamps).
 */
public final class LoadRunner {
    private final PhaseContext ctx;
    private final Dataset dataset;
    private final ClientHealthMonitor health;

    public LoadRunner(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset,
                      List<String> models, String modelSelectionStrategy, long seed, RecordSink sink) {
        this(vertx, client, factory, dataset, new ModelSelector(models, modelSelectionStrategy, seed), sink, 1.0, seed, Clock.SYSTEM,
                CacheBust.NONE);
    }

    /**
     * Everything from the spec (models and selection strategy, session delay ratio, cache-bust markers); {@code seed}
     * drives arrivals; {@code tokenizer} counts cache-bust markers into the ISL (null: not counted).
     */
    public static LoadRunner forSpec(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset,
                                     dev.redline.api.v1alpha1.BenchmarkSpec spec, long seed, RecordSink sink,
                                     dev.redline.runner.tokenizer.Tokenizer tokenizer) {
        double ratio = spec.getSessions() == null ? 1.0 : spec.getSessions().resolvedDelayRatio();
        dev.redline.api.v1alpha1.CacheBustTarget bust = spec.getDataset() == null ? dev.redline.api.v1alpha1.CacheBustTarget.NONE
                : spec.getDataset().resolvedCacheBust();
        return new LoadRunner(vertx, client, factory, dataset,
                new ModelSelector(spec.getModels(), spec.getModelSelectionStrategy(), seed), sink, ratio, seed, Clock.SYSTEM,
                bust == dev.redline.api.v1alpha1.CacheBustTarget.NONE ? CacheBust.NONE : new CacheBust(bust, seed, tokenizer));
    }

    /** The connection pool size a spec needs: the largest concurrency of any phase (open model without a
     * ceiling: {@code fallback}). */
    public static int maxInFlight(java.util.List<PhaseSpec> phases, int fallback) {
        int max = 1;
        for (PhaseSpec p : phases) {
            if (p.getConcurrency() != null) max = Math.max(max, p.getConcurrency());
            else if (p.resolvedRate() != null || p.getType() == LoadType.FIXED_SCHEDULE || p.getType() == LoadType.USER_CENTRIC) {
                max = Math.max(max, fallback);
            }
        }
        return max;
    }

    /**
     * @param sessionDelayRatio scales every turn delay (--session-delay-ratio)
     * @param seed              drives arrivals and cancellation
     * @param clock             paces open-model phases
     */
    public LoadRunner(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset,
                      ModelSelector models, RecordSink sink, double sessionDelayRatio, long seed, Clock clock) {
        this(vertx, client, factory, dataset, models, sink, sessionDelayRatio, seed, clock, CacheBust.NONE);
    }

    LoadRunner(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset, ModelSelector models,
                       RecordSink sink, double sessionDelayRatio, long seed, Clock clock, CacheBust cacheBust) {
        this.dataset = dataset;
        this.health = new ClientHealthMonitor(vertx);
        this.ctx = new PhaseContext(vertx, client, new SessionSource(dataset, models, cacheBust),
                new TurnIssuer(vertx, client, factory, sink, health, cacheBust), new LoadProgress(), sessionDelayRatio, seed, clock);
    }

    /** Live counters for a progress display (safe to read from any thread). */
    public LoadProgress progress() { return ctx.progress(); }

    /** The plan a phase will run with, defaults resolved. */
    public PhasePlan plan(PhaseSpec phase) {
        if (isFixedSchedule(phase)) {
            int entries = FixedSchedule.build(dataset, phase.getFixedSchedule()).size();
            return PhasePlan.resolveFixed(phase, entries);
        }
        return PhasePlan.resolve(phase, ctx.source().multiTurn(), ctx.source().conversations());
    }

    /** Runs the phases one after another; blocks the calling thread (never call it on an event loop). */
    public List<PhaseOutcome> run(List<PhaseSpec> phases) throws InterruptedException {
        List<PhaseOutcome> out = new ArrayList<>();
        for (PhaseSpec p : phases) out.add(runPhase(p));
        return out;
    }

    /**
     * Whether the client kept up during the run (client lag, event-loop lag, CPU, pacer re-anchors).
     * Put {@code saturated()} into the JSON as {@code client_saturated} with the rest as evidence.
     */
    public ClientSaturation clientSaturation() { return health.report(); }

    /**
     * A full collection between phases, while nothing is in flight: what setup and earlier phases left
     * alive (dataset, tokenizer tables, connections) moves to the old generation now, instead of being
     * copied by young collections inside the measured phase, where each such pause (tens of ms on two
     * cores) shows up as send lag and latency. {@code -XX:+DisableExplicitGC} turns it off.
     */
    private static void settleHeap() {
        System.gc();
    }

    /** {@link #settleBefore} ran for the next phase (runPhase then skips its own; a coordinator runs its share). */
    private boolean settled;

    /**
     * The collection before a profiling phase ({@link #settleHeap}), now: a caller that opens a measured window
     * (server metrics, time slices) calls this first, so the window does not start with the collection's pause
     * (up to a second on a loaded two-core machine) and no requests in it.
     */
    public void settleBefore(PhaseSpec phase) {
        // the kind alone: plan() of a fixed schedule builds the whole schedule, which runPhase does again
        if (phase.resolvedKind() == dev.redline.api.v1alpha1.PhaseKind.WARMUP) return; // as PhasePlan decides the kind
        settleHeap();
        settled = true;
    }

    /** Runs one phase to completion (all its responses received, cut or failed). */
    public PhaseOutcome runPhase(PhaseSpec phase) throws InterruptedException {
        if (Vertx.currentContext() != null && Vertx.currentContext().isEventLoopContext()) {
            throw new IllegalStateException("LoadRunner.run blocks; call it off the event loop");
        }
        PhasePlan plan = plan(phase);
        // only where it pays: a warm-up measures nothing, and a collection before it would only delay its first request
        if (plan.kind() == RequestRecord.Phase.PROFILING && !settled) settleHeap();
        settled = false;
        // per phase, so that every caller of runPhase (a profile run's phase driver, calibrate) is watched
        health.start(ctx.client().contexts());
        try {
            return runPhase(phase, plan);
        } finally {
            health.stop();
        }
    }

    private PhaseOutcome runPhase(PhaseSpec phase, PhasePlan plan) throws InterruptedException {
        health.phaseStarted(plan.kind() == RequestRecord.Phase.PROFILING);
        LoadType type = isFixedSchedule(phase) ? LoadType.FIXED_SCHEDULE : phase.resolvedType();
        TimingPlugins.Started started = TimingPlugins.forType(type).start(ctx, plan, phase, dataset);
        PhaseState state = started.state();
        Pacer pacer = started.pacer();
        CompletableFuture<Void> done = started.done();
        Double threshold = plan.kind() == RequestRecord.Phase.PROFILING ? phase.getFailedRequestThreshold() : null;
        try {
            if (threshold == null) done.get();
            else FailedRequestThreshold.await(done, state, ctx.progress(), threshold,
                    FailedRequestThreshold.floor(phase.getConcurrency()), plan.name());
        } catch (InterruptedException e) {
            state.stop(); // no new requests: the caller keeps what was measured and closes the client
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("phase " + plan.name() + " failed: " + e.getCause(), e.getCause());
        }
        health.phaseEnded();
        if (pacer != null) health.addReanchors(pacer.reanchors());
        LoadProgress pr = ctx.progress();
        return new PhaseOutcome(plan.name(), plan.kind().name().toLowerCase(java.util.Locale.ROOT), type.wireName(),
                type.isOpenModel() || type == LoadType.USER_CENTRIC ? phase.resolvedRate() : Double.NaN, state.achievedRate(pr.sent()),
                state.scheduleRate(pr.sent()),
                pr.sent(), pr.completed(), pr.errors(), pr.cancelled(), pr.lateForGrace(),
                pacer == null ? 0 : pacer.reanchors(), pacer == null ? 0 : pacer.maxBehindNs() / 1e6);
    }

    /**
     * Explicit fixed_schedule, or a trace dataset (timestamps) with no type given. As AIPerf, a rate beside such a
     * trace is refused rather than silently winning: the user picks the replay or the rate (--no-fixed-schedule).
     */
    public boolean isFixedSchedule(PhaseSpec p) {
        if (p.getType() == LoadType.FIXED_SCHEDULE) return true;
        if (p.getType() != null || !FixedSchedule.hasTimestamps(dataset)) return false;
        if (p.resolvedRate() != null) {
            throw new dev.redline.runner.BadInputException("phase " + p.resolvedName() + ": the trace has timestamps, so it is"
                    + " replayed on its fixed schedule, which " + (p.getRate() != null ? "--request-rate " + p.getRate()
                    : "--request-rate-series") + " contradicts; remove the rate to"
                    + " replay the timestamps, or pass --no-fixed-schedule to pace the trace by the rate");
        }
        return true;
    }
}
