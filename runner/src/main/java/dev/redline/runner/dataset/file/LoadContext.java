package dev.redline.runner.dataset.file;

import dev.redline.api.v1alpha1.SynthesisSpec;
import dev.redline.runner.dataset.LengthSampler;
import dev.redline.runner.dataset.SeedStreams;
import dev.redline.runner.dataset.SyntheticPromptGenerator;
import dev.redline.runner.dataset.media.MediaFiles;
import dev.redline.runner.tokenizer.Tokenizer;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a loader needs besides the file: the tokenizer (to count ISL), a prompt generator (for traces that give
 * lengths instead of text; built lazily because tokenizing the corpus costs time), seeded streams, the configured
 * output length (used when a record has none), the hash block size override and the entry count.
 */
public final class LoadContext {
    private final Tokenizer tokenizer;
    private final Supplier<SyntheticPromptGenerator> generator;
    private final SeedStreams seeds;
    private final LengthSampler osl;
    private final Integer blockSize;
    private final int entries;
    private final SynthesisSpec synthesis;
    private final MediaFiles mediaFiles = new MediaFiles();
    private BatchSizes batchSizes = BatchSizes.ONE;
    private boolean uuidAndStrip;
    private boolean endpointSendsSystem;

    /** Items per request of each modality (--batch-size-text, --image/audio/video-batch-size), for random_pool. */
    public record BatchSizes(int text, int image, int audio, int video) {
        public static final BatchSizes ONE = new BatchSizes(1, 1, 1, 1);
    }

    public LoadContext(Tokenizer tokenizer, Supplier<SyntheticPromptGenerator> generator, SeedStreams seeds,
                       LengthSampler osl, Integer blockSize, int entries) {
        this(tokenizer, generator, seeds, osl, blockSize, entries, null);
    }

    /** @param synthesis trace reshaping for mooncake_trace files (--synthesis-*), or null */
    public LoadContext(Tokenizer tokenizer, Supplier<SyntheticPromptGenerator> generator, SeedStreams seeds,
                       LengthSampler osl, Integer blockSize, int entries, SynthesisSpec synthesis) {
        this.synthesis = synthesis;
        this.tokenizer = tokenizer;
        this.generator = generator;
        this.seeds = seeds;
        this.osl = osl;
        this.blockSize = blockSize;
        this.entries = entries;
    }

    public Tokenizer tokenizer() { return tokenizer; }
    public SyntheticPromptGenerator generator() { return generator.get(); }
    public SeedStreams seeds() { return seeds; }
    public int entries() { return entries; }
    public SynthesisSpec synthesis() { return synthesis; }
    public BatchSizes batchSizes() { return batchSizes; }

    /** --uuid-and-strip: a session's repeated image uuids are sent without their content. */
    public boolean uuidAndStrip() { return uuidAndStrip; }

    public LoadContext uuidAndStrip(boolean strip) {
        this.uuidAndStrip = strip;
        return this;
    }

    /**
     * Whether the endpoint sends a conversation's system prompt (chat, responses, messages, chat_embeddings): only
     * then is a leading {@code role: system} turn of a multi_turn session hoisted into it, as AIPerf does.
     */
    public boolean endpointSendsSystem() { return endpointSendsSystem; }

    public LoadContext endpointSendsSystem(boolean sends) {
        this.endpointSendsSystem = sends;
        return this;
    }

    public LoadContext batchSizes(BatchSizes sizes) {
        this.batchSizes = sizes;
        return this;
    }

    /** Media files read by this load, each once. */
    public MediaFiles mediaFiles() { return mediaFiles; }

    /** The --isl-block-size override, else the format's default. */
    public int blockSize(int formatDefault) {
        return blockSize == null ? formatDefault : blockSize;
    }

    /** Whether --osl is set (records without an output length then get a drawn one). */
    public boolean outputLengthSet() {
        return osl != null;
    }

    /** Output limit for a record without one: drawn from --osl when set, else none. */
    public Integer defaultMaxTokens(long index) {
        return osl == null ? null : osl.sample(seeds.stream("file.osl", index));
    }

    /** Client ISL of a turn: the token counts of its texts, summed. */
    public int count(List<String> texts) {
        int n = 0;
        for (String t : texts) n += tokenizer.count(t);
        return n;
    }
}
