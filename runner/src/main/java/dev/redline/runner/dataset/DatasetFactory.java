package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.runner.tokenizer.Tokenizer;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Builds the {@link Dataset} a run uses from the spec, before the first request. */
public final class DatasetFactory {
    private DatasetFactory() { }

    public static Dataset build(BenchmarkSpec spec, Tokenizer tokenizer) {
        DatasetSpec ds = spec.dataset();
        SeedStreams seeds = new SeedStreams(resolveSeed(spec));
        if (ds.getInputFile() != null || ds.getPublicDataset() != null || ds.getRecords() != null) {
            throw new IllegalArgumentException("dataset.inputFile, dataset.publicDataset and dataset.records are not supported yet;"
                    + " remove them to use synthetic prompts");
        }
        SyntheticPromptGenerator generator = new SyntheticPromptGenerator(tokenizer, Corpus.sonnets(tokenizer));
        List<Conversation> conversations = new SyntheticDatasetBuilder(generator, seeds)
                .build(ds.resolvedPrompts(), ds.resolvedEntries());
        return new SampledDataset(conversations, SamplingStrategy.parse(ds.getSamplingStrategy(), SamplingStrategy.SHUFFLE), seeds);
    }

    /** The spec's randomSeed, or a fresh one when unset (runs then differ, as in AIPerf without --random-seed). */
    static long resolveSeed(BenchmarkSpec spec) {
        return spec.getRandomSeed() != null ? spec.getRandomSeed() : ThreadLocalRandom.current().nextLong();
    }
}
