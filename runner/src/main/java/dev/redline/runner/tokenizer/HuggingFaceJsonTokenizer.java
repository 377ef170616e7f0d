package dev.redline.runner.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Hugging Face {@code tokenizer.json} run by the Rust tokenizers library through DJL. Never truncates or pads
 * (DJL would otherwise silently cut at 512 tokens) and adds no special tokens, as AIPerf counts.
 * Thread-safe: the native tokenizer is immutable after loading and encode/decode only read it.
 */
public final class HuggingFaceJsonTokenizer implements Tokenizer {
    static {
        // The native library ships inside the DJL jar; these keep DJL from choosing a CUDA flavour and downloading it.
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("RUST_FLAVOR") == null && System.getenv("RUST_FLAVOR") == null) {
            System.setProperty("RUST_FLAVOR", "cpu");
        }
    }

    private final HuggingFaceTokenizer delegate;
    private final String name;

    private HuggingFaceJsonTokenizer(HuggingFaceTokenizer delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /** Loads {@code tokenizerJson} (a file); {@code name} is what reports show (a model id or the path). */
    public static HuggingFaceJsonTokenizer load(Path tokenizerJson, String name) {
        try {
            HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optTruncation(false)
                    .optPadding(false)
                    .optAddSpecialTokens(false)
                    .build();
            return new HuggingFaceJsonTokenizer(tok, name);
        } catch (IOException | RuntimeException e) {
            throw new TokenizerLoadException("cannot read tokenizer " + tokenizerJson + ": " + oneLine(e)
                    + "; point --tokenizer at a valid Hugging Face tokenizer.json", e);
        }
    }

    @Override
    public int[] encode(String text) {
        long[] ids = delegate.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (int) ids[i];
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) longs[i] = ids[i];
        return delegate.decode(longs, false);
    }

    @Override
    public String name() {
        return name;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
