package dev.redline.runner.dataset;

import dev.redline.runner.tokenizer.Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A source text tokenized once into one token array that prompts are cut from. Prepared as AIPerf does: blank lines
 * dropped, the text split into fixed 10,000-character chunks (deterministic on every machine), each chunk encoded
 * (in parallel, order kept) and the ids concatenated.
 */
public final class Corpus {
    /** Shakespeare's sonnets (public domain), the default corpus as in AIPerf. */
    public static final String SONNETS_RESOURCE = "/dev/redline/runner/dataset/corpus/sonnets.txt";
    static final int CHUNK_CHARS = 10_000;

    private final int[] tokens;

    private Corpus(int[] tokens) {
        if (tokens.length == 0) throw new IllegalArgumentException("the prompt corpus encodes to no tokens");
        this.tokens = tokens;
    }

    /** Encoded once per tokenizer: runs of an experiment that share a tokenizer share the corpus (it is immutable). */
    private static final java.util.Map<Tokenizer, Corpus> SONNETS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public static Corpus sonnets(Tokenizer tokenizer) {
        Corpus cached = SONNETS.get(tokenizer);
        if (cached != null) return cached;
        Corpus c = of(readResource(SONNETS_RESOURCE), tokenizer);
        SONNETS.put(tokenizer, c);
        return c;
    }

    public static Corpus of(String text, Tokenizer tokenizer) {
        String cleaned = text.lines().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < cleaned.length(); i += CHUNK_CHARS) {
            chunks.add(cleaned.substring(i, Math.min(cleaned.length(), i + CHUNK_CHARS)));
        }
        List<int[]> encoded = chunks.parallelStream().map(tokenizer::encode).collect(Collectors.toList());
        int total = encoded.stream().mapToInt(a -> a.length).sum();
        int[] all = new int[total];
        int pos = 0;
        for (int[] part : encoded) {
            System.arraycopy(part, 0, all, pos, part.length);
            pos += part.length;
        }
        return new Corpus(all);
    }

    public int size() {
        return tokens.length;
    }

    /** {@code count} consecutive ids starting at {@code start}, wrapping around the end of the corpus. */
    public int[] window(int start, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) out[i] = tokens[(int) (((long) start + i) % tokens.length)];
        return out;
    }

    private static String readResource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("corpus resource " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
