package dev.redline.runner.mock.engine;

/**
 * One engine step: the batch it ran and when (virtual ns). Tokens it produced are due at {@link #endNanos}.
 *
 * @param seqs          sequences it computed tokens for
 * @param decodeSeqs    of those, sequences that produced their next token from one new token
 * @param prefillTokens prompt (or recomputed) tokens it computed
 * @param contextTokens KV tokens the scheduled sequences attended to
 * @param running       sequences in the running batch after the step
 * @param waiting       sequences waiting (queued, preempted or not yet arrived) after the step
 */
public record Step(long index, long startNanos, long endNanos, int seqs, int decodeSeqs, int prefillTokens, long contextTokens,
                   int running, int waiting) {
    public long durationNanos() {
        return endNanos - startNanos;
    }
}
