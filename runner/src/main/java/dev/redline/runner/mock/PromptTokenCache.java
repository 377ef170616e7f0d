package dev.redline.runner.mock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Remembers prompt token counts. Benchmarks replay a dataset of a few hundred prompts, and counting one
 * with BPE costs the mock more CPU than the rest of the request: on a machine it shares with the client,
 * that CPU is taken from the client being measured. Bounded: when full it starts over.
 */
final class PromptTokenCache implements ToIntFunction<String> {
    static final int MAX_ENTRIES = 4096;

    private final ToIntFunction<String> counter;
    private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

    PromptTokenCache(ToIntFunction<String> counter) {
        this.counter = counter;
    }

    @Override
    public int applyAsInt(String text) {
        if (text == null || text.isEmpty()) return counter.applyAsInt(text);
        Integer known = counts.get(text);
        if (known != null) return known;
        int n = counter.applyAsInt(text);
        if (counts.size() >= MAX_ENTRIES) counts.clear();
        counts.put(text, n);
        return n;
    }

    int size() { return counts.size(); }
}
