package dev.redline.runner.mock;

import dev.redline.runner.mock.engine.BlockHashes;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The prefix-cache keys of prompts for the simulated engine: the chained hashes of the prompt's full blocks of
 * o200k_base token ids ({@link BlockHashes}). Prompts that share text share leading blocks, so AIPerf traces'
 * {@code hash_ids}, shared synthetic prefixes and multi-turn histories hit the cache as on a real server.
 * Remembered per text (benchmarks replay a few hundred prompts; encoding costs more than the rest of a request).
 */
final class PromptBlocks {
    static final int MAX_ENTRIES = 4096;
    private static final long[] NONE = new long[0];

    private final int blockSize;
    private final ConcurrentHashMap<String, long[]> hashes = new ConcurrentHashMap<>();

    PromptBlocks(int blockSize) {
        this.blockSize = blockSize;
    }

    long[] of(String text) {
        if (text == null || text.isEmpty()) return NONE;
        long[] known = hashes.get(text);
        if (known != null) return known;
        long[] h = BlockHashes.of(MockContext.o200k().encodeOrdinary(text).toArray(), blockSize, 0);
        if (hashes.size() >= MAX_ENTRIES) hashes.clear();
        hashes.put(text, h);
        return h;
    }
}
