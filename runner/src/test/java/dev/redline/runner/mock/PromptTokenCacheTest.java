package dev.redline.runner.mock;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptTokenCacheTest {

    @Test
    void countsEachDistinctPromptOnceAndReturnsTheSameCount() {
        AtomicInteger calls = new AtomicInteger();
        PromptTokenCache cache = new PromptTokenCache(t -> {
            calls.incrementAndGet();
            return t.split(" ").length;
        });
        assertEquals(3, cache.applyAsInt("a b c"));
        assertEquals(3, cache.applyAsInt(new String("a b c".toCharArray()))); // equal text, other instance
        assertEquals(2, cache.applyAsInt("d e"));
        assertEquals(2, calls.get());
    }

    @Test
    void staysBoundedWhenEveryPromptIsNew() {
        PromptTokenCache cache = new PromptTokenCache(String::length);
        for (int i = 0; i < PromptTokenCache.MAX_ENTRIES * 3; i++) {
            assertEquals(Integer.toString(i).length() + 1, cache.applyAsInt("p" + i));
        }
        assertTrue(cache.size() <= PromptTokenCache.MAX_ENTRIES, "size " + cache.size());
    }
}
