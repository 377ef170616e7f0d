package dev.redline.runner.mock.engine;

/**
 * Chained 64-bit hashes of a prompt's full token blocks, as vLLM's prefix cache keys them: block j's hash covers
 * block j's token ids and the hash of block j-1, so two prompts share block j's hash only when they share every
 * token up to the end of block j. A trailing partial block has no hash (it is never cached).
 */
public final class BlockHashes {
    private BlockHashes() {}

    /** Hashes of the full blocks of {@code ids}; {@code root} separates namespaces (e.g. the model name's hash). */
    public static long[] of(int[] ids, int blockSize, long root) {
        int blocks = ids.length / blockSize;
        long[] out = new long[blocks];
        long h = mix(root ^ 0x6A09E667F3BCC908L);
        for (int b = 0; b < blocks; b++) {
            for (int i = b * blockSize, end = i + blockSize; i < end; i++) h = mix(h * 31 + ids[i] + 0x9E3779B97F4A7C15L);
            out[b] = h;
        }
        return out;
    }

    /** {@code count} hashes of blocks that exist nowhere else: block j of the sequence named {@code (space, key)}. */
    public static long[] synthetic(long space, long key, int count) {
        long[] out = new long[count];
        long h = mix(mix(space) ^ key * 0xD1B54A32D192ED03L);
        for (int b = 0; b < count; b++) {
            h = mix(h + 0x9E3779B97F4A7C15L);
            out[b] = h;
        }
        return out;
    }

    static long mix(long z) { // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
