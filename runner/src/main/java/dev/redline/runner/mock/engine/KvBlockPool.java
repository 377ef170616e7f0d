package dev.redline.runner.mock.engine;

import java.util.HashMap;

/**
 * The KV cache in blocks, with vLLM's prefix cache: a computed full prompt block is kept under its hash; when no
 * sequence uses it any more it stays cached but evictable (least recently freed first), so a later prompt with the
 * same leading blocks finds them. Allocation takes never-cached blocks first, then evicts. Single-threaded.
 */
final class KvBlockPool {
    /** A cached block: its hash, how many sequences use it, and its place in the eviction order when unused. */
    static final class Block {
        final long hash;
        int refs;
        Block prev;
        Block next;

        Block(long hash) {
            this.hash = hash;
        }
    }

    private final int total;
    private int free;
    private int evictable;
    private final HashMap<Long, Block> cached = new HashMap<>();
    private final Block lru = new Block(0); // sentinel: lru.next is the next to evict

    KvBlockPool(int totalBlocks) {
        this.total = totalBlocks;
        this.free = totalBlocks;
        lru.prev = lru;
        lru.next = lru;
    }

    int total() { return total; }

    /** Blocks a sequence could get now (never-cached plus evictable). */
    int available() { return free + evictable; }

    /** Blocks held by sequences. */
    int used() { return total - free - evictable; }

    /** How many leading {@code hashes} (at most {@code max}) are cached. */
    int lookup(long[] hashes, int max) {
        int n = 0;
        while (n < max && cached.containsKey(hashes[n])) n++;
        return n;
    }

    /** How many of the first {@code n} cached blocks are evictable now (taking them leaves that many fewer available). */
    int evictableAmong(long[] hashes, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) if (cached.get(hashes[i]).refs == 0) count++;
        return count;
    }

    /** Takes a reference on each of the first {@code n} cached blocks, into {@code into[0..n)}. */
    void acquire(long[] hashes, int n, Block[] into) {
        for (int i = 0; i < n; i++) {
            Block b = cached.get(hashes[i]);
            if (b.refs++ == 0) unlink(b);
            into[i] = b;
        }
    }

    /** Allocates {@code n} uncached blocks, evicting if needed; false (and nothing taken) when too few are available. */
    boolean allocate(int n) {
        if (n > available()) return false;
        int fromFree = Math.min(n, free);
        free -= fromFree;
        for (int i = fromFree; i < n; i++) {
            Block victim = lru.next;
            unlink(victim);
            cached.remove(victim.hash);
        }
        return true;
    }

    /** Caches one of a sequence's own blocks under {@code hash}; null when that hash is already cached (it stays private). */
    Block register(long hash) {
        if (cached.containsKey(hash)) return null;
        Block b = new Block(hash);
        b.refs = 1;
        cached.put(hash, b);
        return b;
    }

    void releasePrivate(int n) {
        free += n;
    }

    void release(Block b) {
        if (--b.refs == 0) {
            b.prev = lru.prev;
            b.next = lru;
            lru.prev.next = b;
            lru.prev = b;
            evictable++;
        }
    }

    private void unlink(Block b) {
        b.prev.next = b.next;
        b.next.prev = b.prev;
        b.prev = null;
        b.next = null;
        evictable--;
    }
}
