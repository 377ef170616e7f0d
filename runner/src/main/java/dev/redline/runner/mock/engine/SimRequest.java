package dev.redline.runner.mock.engine;

/**
 * One request as the simulated engine sees it.
 *
 * @param id           unique among the requests of one simulator
 * @param arrivalNanos when it reaches the engine (virtual ns); it joins the waiting queue at the first step start at
 *                     or after this time
 * @param promptTokens prompt length (what prefill computes), >= 1
 * @param outputTokens tokens to generate, >= 1 (the engine always generates exactly this many, like ignore_eos)
 * @param blockHashes  chained hashes of the prompt's full blocks of {@link EngineConfig#blockSize()} tokens, first
 *                     block first ({@link BlockHashes}); equal leading hashes are what the prefix cache shares.
 *                     Empty when the prompt's blocks are unknown (no prefix-cache hits)
 */
public record SimRequest(long id, long arrivalNanos, int promptTokens, int outputTokens, long[] blockHashes) {
    public SimRequest {
        if (promptTokens < 1) throw new IllegalArgumentException("promptTokens must be >= 1, was " + promptTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("outputTokens must be >= 1, was " + outputTokens);
        if (blockHashes == null) blockHashes = new long[0];
    }
}
