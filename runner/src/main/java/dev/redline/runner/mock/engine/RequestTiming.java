package dev.redline.runner.mock.engine;

/**
 * What the simulated engine did with one finished request (virtual ns). Token k (1-based) of a request came at the
 * end of a step; {@link #firstTokenNanos} is token 1, {@link #lastTokenNanos} token {@link #outputTokens}.
 *
 * @param scheduledNanos     start of the first step that computed any of its tokens
 * @param cachedPromptTokens prompt tokens found in the prefix cache at its first admission
 * @param preemptions        how often it was preempted (its KV freed, recomputed later)
 */
public record RequestTiming(long id, long arrivalNanos, long scheduledNanos, long firstTokenNanos, long lastTokenNanos,
                            int promptTokens, int outputTokens, int cachedPromptTokens, int preemptions) {
    /** Time to first token, from arrival. */
    public long ttftNanos() {
        return firstTokenNanos - arrivalNanos;
    }

    /** Arrival to last token. */
    public long latencyNanos() {
        return lastTokenNanos - arrivalNanos;
    }

    /** Mean gap between consecutive tokens, (last - first) / (n - 1), as Redline's and AIPerf's ITL; NaN for one token. */
    public double interTokenNanos() {
        return outputTokens < 2 ? Double.NaN : (double) (lastTokenNanos - firstTokenNanos) / (outputTokens - 1);
    }
}
