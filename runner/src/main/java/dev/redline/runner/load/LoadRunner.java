package dev.redline.runner.load;

import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.client.RequestFactory;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.record.RecordSink;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Runs a benchmark's phases in order (typically warmup, then profiling). Each phase is fully drained
 * before the next starts, so warmup requests never overlap measured ones. Records go to the sink, tagged
 * with their phase, on the client's event loops.
 */
public final class LoadRunner {
    private final PhaseContext ctx;

    public LoadRunner(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset,
                      List<String> models, String modelSelectionStrategy, long seed, RecordSink sink) {
        this(vertx, client, factory, dataset, new ModelSelector(models, modelSelectionStrategy, seed), sink, 1.0);
    }

    public LoadRunner(Vertx vertx, InferenceClient client, RequestFactory factory, Dataset dataset,
                      ModelSelector models, RecordSink sink, double sessionDelayRatio) {
        this.ctx = new PhaseContext(vertx, client, new SessionSource(dataset, models),
                new TurnIssuer(client, factory, sink), new LoadProgress(), sessionDelayRatio);
    }

    /** Live counters for a progress display (safe to read from any thread). */
    public LoadProgress progress() { return ctx.progress(); }

    /** The plan a phase will run with, defaults resolved. */
    public PhasePlan plan(PhaseSpec phase) {
        return PhasePlan.resolve(phase, ctx.source().multiTurn(), ctx.source().conversations());
    }

    /** Runs the phases one after another; blocks the calling thread (never call it on an event loop). */
    public void run(List<PhaseSpec> phases) throws InterruptedException {
        for (PhaseSpec p : phases) runPhase(p);
    }

    /** Runs one phase to completion (all its responses received, cut or failed). */
    public void runPhase(PhaseSpec phase) throws InterruptedException {
        if (Vertx.currentContext() != null && Vertx.currentContext().isEventLoopContext()) {
            throw new IllegalStateException("LoadRunner.run blocks; call it off the event loop");
        }
        PhasePlan plan = plan(phase);
        try {
            new ClosedLoopPhase(ctx, plan).start().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("phase " + plan.name() + " failed: " + e.getCause(), e.getCause());
        }
    }
}
