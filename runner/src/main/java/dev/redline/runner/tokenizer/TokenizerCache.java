package dev.redline.runner.tokenizer;

import dev.redline.api.v1alpha1.BenchmarkSpec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Loads each tokenizer once for many runs (the cells of a sweep): keyed by what {@link TokenizerLoader}
 * resolves (name or path, and revision). Tokenizers are immutable and thread-safe, so sharing is safe.
 */
public final class TokenizerCache implements Function<BenchmarkSpec, Tokenizer> {
    private final Map<String, Tokenizer> loaded = new ConcurrentHashMap<>();

    @Override
    public Tokenizer apply(BenchmarkSpec spec) {
        String revision = spec.getTokenizer() == null ? null : spec.getTokenizer().getRevision();
        String key = TokenizerLoader.nameFor(spec) + "@" + (revision == null ? TokenizerLoader.DEFAULT_REVISION : revision);
        return loaded.computeIfAbsent(key, k -> TokenizerLoader.forSpec(spec));
    }

    public int size() { return loaded.size(); }
}
