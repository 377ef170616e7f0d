package dev.redline.runner.mock;

import java.util.function.IntConsumer;

/**
 * When a generation's tokens are due: the mock's latency model ({@code --engine fixed} or {@code sim}). A pacer
 * decides the times and records them in the job's metrics (first-token time, inter-token gaps); the caller only
 * writes what is due.
 */
interface TokenPacer {
    /** Why a request of this size can never be served (answered with HTTP 400), or null. */
    default String refusal(GenerationJob job) {
        return null;
    }

    /**
     * Starts pacing {@code job}: calls {@code due.accept(n)} on the calling Vert.x context each time the number of
     * tokens due grows, the last time with {@code n == job.outputTokens}; with {@code wholeBody} only that last call
     * is made. Sets {@code job.firstTokenNanos} before the first call. Returns what stops it (the client went away).
     */
    Runnable pace(GenerationJob job, boolean wholeBody, IntConsumer due);
}
