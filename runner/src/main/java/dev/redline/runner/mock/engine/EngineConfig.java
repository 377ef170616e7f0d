package dev.redline.runner.mock.engine;

/**
 * Settings of the simulated continuous-batching engine ({@code redline mock-server --engine sim}); each field is
 * the flag of the same name. The step time of a batch is
 * <pre>
 * step_ms = stepBaseMs + stepMsPerSeq * decode_seqs + stepMsPerPrefillToken * prefill_tokens
 *         + stepMsPer1kContext * context_tokens / 1000   (+ a seeded uniform [0, stepJitterMs))
 * </pre>
 * where {@code decode_seqs} are the sequences that produce their next token, {@code prefill_tokens} the prompt (or
 * recomputed) tokens scheduled in the step and {@code context_tokens} the KV-cache tokens every scheduled sequence
 * attends to. The defaults give a plausible 8B model on one H100-class GPU (about 6 ms per token alone, 35 ms for a
 * 1000-token prefill, a few thousand output tokens/s at high concurrency). Immutable; the {@code with...} methods
 * return changed copies.
 */
public record EngineConfig(int maxNumSeqs, int maxNumBatchedTokens, int kvCacheTokens, int blockSize,
                           boolean chunkedPrefill, boolean preemption, boolean prefixCaching,
                           double stepBaseMs, double stepMsPerSeq, double stepMsPerPrefillToken,
                           double stepMsPer1kContext, double stepJitterMs) {
    public static final int DEFAULT_MAX_NUM_SEQS = 256;
    public static final int DEFAULT_MAX_NUM_BATCHED_TOKENS = 8192;
    public static final int DEFAULT_KV_CACHE_TOKENS = 400_000;
    public static final int DEFAULT_BLOCK_SIZE = 16;
    public static final double DEFAULT_STEP_BASE_MS = 6.0;
    public static final double DEFAULT_STEP_MS_PER_SEQ = 0.03;
    public static final double DEFAULT_STEP_MS_PER_PREFILL_TOKEN = 0.025;
    public static final double DEFAULT_STEP_MS_PER_1K_CONTEXT = 0.04;

    /** Upper bounds that keep the simulator's memory and arithmetic sane; beyond them a value is a typo. */
    static final int MAX_SEQS = 65_536;
    static final int MAX_BATCHED_TOKENS = 1 << 24;
    static final int MAX_KV_TOKENS = 1_000_000_000;
    static final int MAX_BLOCK_SIZE = 4096;
    static final double MAX_STEP_MS = 60_000;

    /** The defaults: vLLM's scheduler defaults and an 8B-on-one-GPU step time. */
    public static EngineConfig defaults() {
        return new EngineConfig(DEFAULT_MAX_NUM_SEQS, DEFAULT_MAX_NUM_BATCHED_TOKENS, DEFAULT_KV_CACHE_TOKENS,
                DEFAULT_BLOCK_SIZE, true, true, true, DEFAULT_STEP_BASE_MS, DEFAULT_STEP_MS_PER_SEQ,
                DEFAULT_STEP_MS_PER_PREFILL_TOKEN, DEFAULT_STEP_MS_PER_1K_CONTEXT, 0);
    }

    public EngineConfig withMaxNumSeqs(int v) {
        return new EngineConfig(v, maxNumBatchedTokens, kvCacheTokens, blockSize, chunkedPrefill, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withMaxNumBatchedTokens(int v) {
        return new EngineConfig(maxNumSeqs, v, kvCacheTokens, blockSize, chunkedPrefill, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withKvCacheTokens(int v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, v, blockSize, chunkedPrefill, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withBlockSize(int v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, v, chunkedPrefill, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withChunkedPrefill(boolean v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, blockSize, v, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withPreemption(boolean v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, blockSize, chunkedPrefill, v,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    public EngineConfig withPrefixCaching(boolean v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, blockSize, chunkedPrefill, preemption,
                v, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, stepJitterMs);
    }

    /** The four step-time coefficients at once (ms, ms per decode sequence, ms per prefill token, ms per 1000 context tokens). */
    public EngineConfig withStepTime(double baseMs, double msPerSeq, double msPerPrefillToken, double msPer1kContext) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, blockSize, chunkedPrefill, preemption,
                prefixCaching, baseMs, msPerSeq, msPerPrefillToken, msPer1kContext, stepJitterMs);
    }

    public EngineConfig withStepJitterMs(double v) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, kvCacheTokens, blockSize, chunkedPrefill, preemption,
                prefixCaching, stepBaseMs, stepMsPerSeq, stepMsPerPrefillToken, stepMsPer1kContext, v);
    }

    /** Step time in ms of a batch, without jitter (the formula in the class comment). */
    public double stepMs(int decodeSeqs, long prefillTokens, long contextTokens) {
        return stepBaseMs + stepMsPerSeq * decodeSeqs + stepMsPerPrefillToken * prefillTokens
                + stepMsPer1kContext * contextTokens / 1000.0;
    }

    /** KV-cache capacity in whole blocks. */
    public int kvBlocks() {
        return kvCacheTokens / blockSize;
    }

    /** The longest sequence (prompt + output tokens) the KV cache can ever hold. */
    public long maxSequenceTokens() {
        return (long) kvBlocks() * blockSize;
    }

    /**
     * Throws {@link IllegalArgumentException} with one line naming the flag and the fix. NaN, infinities, negative
     * coefficients (the step time would go negative for some batch) and absurd sizes are refused.
     */
    public EngineConfig validate() {
        range("--max-num-seqs", maxNumSeqs, 1, MAX_SEQS, "256");
        range("--max-num-batched-tokens", maxNumBatchedTokens, 1, MAX_BATCHED_TOKENS, "8192");
        range("--block-size", blockSize, 1, MAX_BLOCK_SIZE, "16");
        range("--kv-cache-tokens", kvCacheTokens, 1, MAX_KV_TOKENS, "400000");
        if (kvCacheTokens < blockSize) {
            throw new IllegalArgumentException("--kv-cache-tokens " + kvCacheTokens + " is smaller than one block (--block-size "
                    + blockSize + "); give at least " + blockSize + " tokens");
        }
        if (!(stepBaseMs > 0) || stepBaseMs > MAX_STEP_MS) {
            throw new IllegalArgumentException("--step-base-ms " + stepBaseMs + " must be a number of milliseconds > 0 and <= "
                    + (long) MAX_STEP_MS + " (every step takes time), e.g. --step-base-ms 6");
        }
        coefficient("--step-ms-per-seq", stepMsPerSeq);
        coefficient("--step-ms-per-prefill-token", stepMsPerPrefillToken);
        coefficient("--step-ms-per-1k-context", stepMsPer1kContext);
        coefficient("--step-jitter-ms", stepJitterMs);
        return this;
    }

    private static void range(String flag, int v, int lo, int hi, String example) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(flag + " " + v + " is out of range; use " + lo + ".." + hi + " (e.g. " + flag + " " + example + ")");
        }
    }

    private static void coefficient(String flag, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v > MAX_STEP_MS) {
            throw new IllegalArgumentException(flag + " " + v + " is not a finite number of milliseconds <= " + (long) MAX_STEP_MS);
        }
        if (v < 0) {
            throw new IllegalArgumentException(flag + " " + v + " is negative and would make the step time negative for a large "
                    + "batch; use a number >= 0");
        }
    }
}
