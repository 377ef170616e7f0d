package dev.redline.runner.mock.engine;

/**
 * A request inside the engine, in vLLM V1's unified form: it has {@code numTokens} (prompt + generated) of which
 * {@code computed} are in the KV cache; a step computes some of the rest, and when all are computed the engine
 * samples the next token. Prefill, chunked prefill, decode and recompute after preemption are all this one rule.
 */
final class Sequence {
    final SimRequest request;
    int numTokens;
    int computed;
    int generated;
    /** Blocks of its own (uncached: partial, output or duplicate blocks). */
    int privateBlocks;
    /** Its leading prompt blocks that live in the prefix cache. */
    final KvBlockPool.Block[] shared;
    int sharedCount;
    /** Tokens scheduled in the current step, and whether that is a decode (one new token after its prompt). */
    int scheduled;
    boolean decode;
    long scheduledNanos = -1;
    long firstTokenNanos = -1;
    long lastTokenNanos = -1;
    int cachedPromptTokens = -1;
    int preemptions;

    Sequence(SimRequest request, int promptBlocks) {
        this.request = request;
        this.numTokens = request.promptTokens();
        this.shared = new KvBlockPool.Block[promptBlocks];
    }

    int heldBlocks() {
        return privateBlocks + sharedCount;
    }

    boolean finished() {
        return generated >= request.outputTokens();
    }

    RequestTiming timing() {
        SimRequest r = request;
        return new RequestTiming(r.id(), r.arrivalNanos(), scheduledNanos, firstTokenNanos, lastTokenNanos,
                r.promptTokens(), r.outputTokens(), Math.max(0, cachedPromptTokens), preemptions);
    }
}
