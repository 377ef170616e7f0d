package dev.redline.runner.dataset;

import dev.redline.runner.tokenizer.Tokenizer;

import java.util.Random;

/**
 * Prompts of an exact token count, cut from a {@link Corpus} as AIPerf does (reference §4.1): a uniformly random
 * start in the corpus token array, {@code n} consecutive ids (wrapping), decoded to text, then re-encoded.
 *
 * <p>Because decode/re-encode is not always the identity (merges across the window edges, partial characters),
 * the text is fixed up until it re-encodes to exactly {@code n} ids:
 * <ol>
 *   <li>AIPerf's loop, up to 10 rounds: re-encode; if too long drop that many ids from the end of the window,
 *       if too short take that many more ids from the corpus; decode again.</li>
 *   <li>If that did not converge: decode a slightly longer window and binary-search the character prefix whose
 *       encoding has exactly {@code n} ids (token count grows with the prefix length), checking a few neighbours.</li>
 *   <li>If neither hits the count at this start, draw a new start from the same seeded stream and repeat.</li>
 * </ol>
 * Every prompt therefore re-encodes to exactly the requested count; the result depends only on the corpus, the
 * tokenizer and the random stream. Thread-safe when the tokenizer is.
 */
public final class SyntheticPromptGenerator {
    static final int AIPERF_FIXUP_ROUNDS = 10;
    private static final int MAX_STARTS = 1000;
    private static final int NEIGHBOUR_SCAN = 16;

    private final Tokenizer tokenizer;
    private final Corpus corpus;

    public SyntheticPromptGenerator(Tokenizer tokenizer, Corpus corpus) {
        this.tokenizer = tokenizer;
        this.corpus = corpus;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public Corpus corpus() {
        return corpus;
    }

    /** A text that encodes to exactly {@code tokens} ids. */
    public String generate(int tokens, Random rnd) {
        return generateAfter("", tokens, rnd);
    }

    /**
     * A text {@code t} such that {@code prefix + t} encodes to exactly {@code prefixTokens + tokens} ids, where
     * {@code prefixTokens} is the count of {@code prefix} alone (so a shared prefix plus this text has an exact ISL).
     */
    public String generateAfter(String prefix, int tokens, Random rnd) {
        if (tokens < 1) throw new IllegalArgumentException("prompt length must be at least 1 token, got " + tokens);
        Counter counter = new Counter(prefix, tokens);
        for (int attempt = 0; attempt < MAX_STARTS; attempt++) {
            int start = rnd.nextInt(corpus.size());
            String text = aiperfFixup(start, counter);
            if (text == null) text = prefixSearch(start, counter);
            if (text != null) return text;
        }
        throw new IllegalStateException("could not build a prompt of exactly " + tokens + " tokens with tokenizer "
                + tokenizer.name() + " after " + MAX_STARTS + " corpus windows");
    }

    /** Strategy 2 alone, from a given corpus start, for tests; null when no prefix hits the count. */
    String byPrefixSearch(int start, int tokens) {
        return prefixSearch(start, new Counter("", tokens));
    }

    private String aiperfFixup(int start, Counter counter) {
        int take = counter.target;
        for (int round = 0; round < AIPERF_FIXUP_ROUNDS; round++) {
            String text = tokenizer.decode(corpus.window(start, take));
            int diff = counter.target - counter.count(text);
            if (diff == 0) return text;
            take = Math.max(1, take + diff);
        }
        return null;
    }

    private String prefixSearch(int start, Counter counter) {
        int margin = Math.max(8, counter.target / 8);
        String text = tokenizer.decode(corpus.window(start, counter.target + margin));
        if (counter.count(text) < counter.target) return null;
        // smallest character prefix whose count reaches the target
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (counter.count(text.substring(0, mid)) >= counter.target) hi = mid;
            else lo = mid + 1;
        }
        for (int len = lo; len <= Math.min(text.length(), lo + NEIGHBOUR_SCAN); len++) {
            if (len > 0 && Character.isHighSurrogate(text.charAt(len - 1))) continue;
            String candidate = text.substring(0, len);
            if (counter.count(candidate) == counter.target) return candidate;
        }
        return null;
    }

    /** Counts a candidate as it will be sent: after the prefix, against the prefix's own count plus the target. */
    private final class Counter {
        private final String prefix;
        private final int target;
        private final int prefixTokens;

        Counter(String prefix, int tokens) {
            this.prefix = prefix;
            this.prefixTokens = tokenizer.count(prefix);
            this.target = tokens;
        }

        int count(String text) {
            return tokenizer.count(prefix + text) - prefixTokens;
        }
    }
}
