package dev.redline.runner.cli;

import dev.redline.runner.BadInputException;
import dev.redline.runner.mock.engine.EngineConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mock's engine model ({@code --engine fixed|sim} and the simulator's settings), shared by
 * {@code redline mock-server} and {@code redline profile --mock-server} (docs/mock-server.md). Options are boxed:
 * null means not given, and the simulator's defaults come from {@link EngineConfig#defaults()}.
 */
public class MockEngineOptions {
    @Option(names = "--engine", paramLabel = "fixed|sim",
            description = "Mock latency model: fixed (default; --ttft-ms/--itl-ms whatever the load) or sim (a simulated continuous-batching engine).")
    String engine;

    @Option(names = "--max-num-seqs", paramLabel = "N",
            description = "sim: most sequences in the running batch (default " + EngineConfig.DEFAULT_MAX_NUM_SEQS + ").")
    Integer maxNumSeqs;

    @Option(names = "--max-num-batched-tokens", paramLabel = "N",
            description = "sim: token budget of one step, prefill and decode together (default " + EngineConfig.DEFAULT_MAX_NUM_BATCHED_TOKENS + ").")
    Integer maxNumBatchedTokens;

    @Option(names = "--kv-cache-tokens", paramLabel = "N",
            description = "sim: KV-cache capacity in tokens; longer requests get HTTP 400 (default " + EngineConfig.DEFAULT_KV_CACHE_TOKENS + ").")
    Integer kvCacheTokens;

    @Option(names = "--block-size", paramLabel = "TOKENS",
            description = "sim: tokens per KV block, the prefix cache's unit (default " + EngineConfig.DEFAULT_BLOCK_SIZE + ").")
    Integer blockSize;

    @Option(names = "--enable-chunked-prefill", negatable = true, paramLabel = "BOOL",
            description = "sim: split long prompts across steps (default on; --no-enable-chunked-prefill: a prompt runs whole).")
    Boolean chunkedPrefill;

    @Option(names = "--enable-prefix-caching", negatable = true, paramLabel = "BOOL",
            description = "sim: reuse cached KV blocks of shared prompt prefixes (default on).")
    Boolean prefixCaching;

    @Option(names = "--preemption", negatable = true, paramLabel = "BOOL",
            description = "sim: when the KV cache is full, preempt the newest sequence (default on; --no-preemption: admit only what fits its whole output).")
    Boolean preemption;

    @Option(names = "--step-base-ms", paramLabel = "MS",
            description = "sim: fixed time of every step (default " + EngineConfig.DEFAULT_STEP_BASE_MS + ").")
    Double stepBaseMs;

    @Option(names = "--step-ms-per-seq", paramLabel = "MS",
            description = "sim: step time per decoding sequence (default " + EngineConfig.DEFAULT_STEP_MS_PER_SEQ + ").")
    Double stepMsPerSeq;

    @Option(names = "--step-ms-per-prefill-token", paramLabel = "MS",
            description = "sim: step time per prompt token computed (default " + EngineConfig.DEFAULT_STEP_MS_PER_PREFILL_TOKEN + ").")
    Double stepMsPerPrefillToken;

    @Option(names = "--step-ms-per-1k-context", paramLabel = "MS",
            description = "sim: step time per 1000 KV tokens the batch attends to (default " + EngineConfig.DEFAULT_STEP_MS_PER_1K_CONTEXT + ").")
    Double stepMsPer1kContext;

    @Option(names = "--step-jitter-ms", paramLabel = "MS",
            description = "sim: upper bound of a seeded extra time added to each step (default 0).")
    Double stepJitterMs;

    /** True when {@code --engine sim} was given. */
    boolean simulated() {
        return "sim".equals(normalizedEngine());
    }

    /** Flags given on the command line, by name. */
    List<String> given() {
        List<String> flags = new ArrayList<>();
        if (engine != null) flags.add("--engine");
        simFlagsGiven(flags);
        return flags;
    }

    /**
     * The simulator's settings, or null for {@code --engine fixed}. Throws {@link BadInputException} with one line
     * naming the flag and the fix.
     */
    public EngineConfig config() {
        String kind = normalizedEngine();
        if (!kind.equals("fixed") && !kind.equals("sim")) {
            throw new BadInputException("--engine " + engine + " is not an engine; use --engine fixed or --engine sim");
        }
        if (kind.equals("fixed")) {
            List<String> sim = new ArrayList<>();
            simFlagsGiven(sim);
            if (!sim.isEmpty()) throw new BadInputException(sim.get(0) + " applies to the simulated engine; add --engine sim");
            return null;
        }
        EngineConfig d = EngineConfig.defaults();
        EngineConfig c = new EngineConfig(
                or(maxNumSeqs, d.maxNumSeqs()), or(maxNumBatchedTokens, d.maxNumBatchedTokens()),
                or(kvCacheTokens, d.kvCacheTokens()), or(blockSize, d.blockSize()),
                or(chunkedPrefill, d.chunkedPrefill()), or(preemption, d.preemption()), or(prefixCaching, d.prefixCaching()),
                or(stepBaseMs, d.stepBaseMs()), or(stepMsPerSeq, d.stepMsPerSeq()),
                or(stepMsPerPrefillToken, d.stepMsPerPrefillToken()), or(stepMsPer1kContext, d.stepMsPer1kContext()),
                or(stepJitterMs, d.stepJitterMs()));
        try {
            return c.validate();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private String normalizedEngine() {
        return engine == null ? "fixed" : engine.trim().toLowerCase(Locale.ROOT);
    }

    private void simFlagsGiven(List<String> flags) {
        if (maxNumSeqs != null) flags.add("--max-num-seqs");
        if (maxNumBatchedTokens != null) flags.add("--max-num-batched-tokens");
        if (kvCacheTokens != null) flags.add("--kv-cache-tokens");
        if (blockSize != null) flags.add("--block-size");
        if (chunkedPrefill != null) flags.add("--enable-chunked-prefill");
        if (prefixCaching != null) flags.add("--enable-prefix-caching");
        if (preemption != null) flags.add("--preemption");
        if (stepBaseMs != null) flags.add("--step-base-ms");
        if (stepMsPerSeq != null) flags.add("--step-ms-per-seq");
        if (stepMsPerPrefillToken != null) flags.add("--step-ms-per-prefill-token");
        if (stepMsPer1kContext != null) flags.add("--step-ms-per-1k-context");
        if (stepJitterMs != null) flags.add("--step-jitter-ms");
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
