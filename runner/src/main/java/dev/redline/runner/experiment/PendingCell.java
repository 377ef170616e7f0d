package dev.redline.runner.experiment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A started run of an experiment: {@link #awaitLoadDone()} returns once its load is over (the next run may start),
 * {@link #result()} once its results are written. An interrupt of the thread waiting on it stops the run's load
 * (what Ctrl-C does to the run itself), never the writing of its results.
 */
public final class PendingCell {
    private final CompletableFuture<Void> loadDone;
    private final CompletableFuture<CellResult> result;
    private final Runnable stopLoad;
    /** Run before waiting for the result: lets the run finish when no next run will (the engine's business). */
    private final Runnable awaitingResult;

    PendingCell(CompletableFuture<Void> loadDone, CompletableFuture<CellResult> result, Runnable stopLoad,
                Runnable awaitingResult) {
        this.loadDone = loadDone;
        this.result = result;
        this.stopLoad = stopLoad;
        this.awaitingResult = awaitingResult;
    }

    static PendingCell done(CellResult result) {
        return new PendingCell(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(result), () -> { }, () -> { });
    }

    /** Returns once the run's requests are over (or the run ended). */
    public void awaitLoadDone() throws InterruptedException {
        try {
            loadDone.get();
        } catch (InterruptedException e) {
            stopLoad.run();
            throw e;
        } catch (ExecutionException e) {
            // the run ended; result() says how
        }
    }

    /** Whether {@link #result()} would return at once (an engine that runs one cell at a time returns it finished). */
    public boolean resultReady() {
        return result.isDone();
    }

    /** The run's result, waiting for its exports; a Ctrl-C meanwhile does not cut the wait short (the flag is kept). */
    public CellResult result() {
        awaitingResult.run();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the run stops its load and writes its partial results; wait for them
                    stopLoad.run();
                } catch (ExecutionException e) {
                    return CellResult.failed(1, ProfileEngine.oneLine(String.valueOf(e.getCause())));
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
