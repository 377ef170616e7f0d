package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.DatasetSpec;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.RankingsSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.SessionsSpec;
import dev.redline.runner.dataset.file.FileDatasets;
import dev.redline.runner.dataset.file.LoadContext;
import dev.redline.runner.dataset.hub.HubDatasetCache;
import dev.redline.runner.dataset.hub.PublicDataset;
import dev.redline.runner.dataset.media.MediaSynthesizer;
import dev.redline.runner.tokenizer.Tokenizer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Builds the {@link Dataset} a run uses from the spec, before the first request: a public dataset
 * (--public-dataset, from the cache, the hub or --input-file), a file (--input-file), inline records, or synthetic
 * prompts. Bad input surfaces as a one-line {@link DatasetFormatException}.
 */
public final class DatasetFactory {
    private DatasetFactory() { }

    public static SampledDataset build(BenchmarkSpec spec, Tokenizer tokenizer) {
        return build(spec, tokenizer, HubDatasetCache.fromEnvironment());
    }

    public static SampledDataset build(BenchmarkSpec spec, Tokenizer tokenizer, HubDatasetCache hub) {
        SampledDataset loaded = load(spec, tokenizer, hub);
        List<Conversation> adjusted = DatasetAdjustments.apply(loaded.conversations(), spec.dataset());
        return adjusted == loaded.conversations() ? loaded : loaded.withConversations(adjusted);
    }

    private static SampledDataset load(BenchmarkSpec spec, Tokenizer tokenizer, HubDatasetCache hub) {
        DatasetSpec ds = spec.dataset();
        SeedStreams seeds = new SeedStreams(resolveSeed(spec));
        PromptSpec prompts = ds.resolvedPrompts();
        Supplier<SyntheticPromptGenerator> generator = memoize(() -> new SyntheticPromptGenerator(tokenizer, Corpus.sonnets(tokenizer)));
        LoadContext ctx = new LoadContext(tokenizer, generator, seeds, SyntheticDatasetBuilder.oslSampler(prompts),
                prompts.getBlockSize(), ds.resolvedEntries(), ds.getSynthesis()).batchSizes(batchSizes(ds, prompts))
                .uuidAndStrip(spec.getEndpoint() != null && spec.getEndpoint().isUuidAndStrip())
                .endpointSendsSystem(spec.endpoint().resolvedType().accepts(dev.redline.api.v1alpha1.EndpointType.Input.SYSTEM));
        String strategy = ds.getSamplingStrategy();
        if (ds.getPublicDataset() != null) {
            PublicDataset pd = PublicDataset.parse(ds.getPublicDataset());
            String local = ds.getPublicDatasetPath() != null ? ds.getPublicDatasetPath() : ds.getInputFile();
            List<Path> files = local != null ? PublicDataset.localCopy(Path.of(local), pd) : hub.resolve(pd, ds.getHfSubset());
            List<Conversation> c = pd.read(files, ctx);
            return new SampledDataset(c, SamplingStrategy.parse(strategy, SamplingStrategy.SHUFFLE), seeds, "public:" + pd.wireName());
        }
        if (ds.getInputFile() != null) {
            FileDatasets.Loaded loaded = FileDatasets.load(Path.of(ds.getInputFile()), ds.getCustomDatasetType(), ctx);
            return new SampledDataset(loaded.conversations(), SamplingStrategy.parse(strategy, SamplingStrategy.SEQUENTIAL),
                    seeds, loaded.type().wireName());
        }
        if (ds.getRecords() != null) {
            return new SampledDataset(FileDatasets.inline(ds.getRecords(), ctx),
                    SamplingStrategy.parse(strategy, SamplingStrategy.SEQUENTIAL), seeds, "records");
        }
        SyntheticDatasetBuilder builder = new SyntheticDatasetBuilder(generator.get(), seeds, MediaSynthesizer.forSpec(ds, seeds));
        EndpointType type = spec.getEndpoint() == null ? EndpointType.CHAT : spec.getEndpoint().resolvedType();
        List<Conversation> conversations = type.output() == EndpointType.Output.RANKINGS
                ? builder.buildRankings(ds.getRankings() == null ? new RankingsSpec() : ds.getRankings(), prompts, ds.resolvedEntries())
                : builder.build(prompts, ds.resolvedEntries());
        SessionsSpec sessions = spec.getSessions();
        if (SyntheticSessions.wanted(sessions)) {
            Dataset singleTurns = new SampledDataset(conversations, SamplingStrategy.SEQUENTIAL, seeds);
            conversations = SyntheticSessions.shape(singleTurns, sessions, seeds.stream("sessions", 0).nextLong(),
                    ds.resolvedEntries()).conversations();
        }
        if (ContextPrompts.wanted(sessions)) conversations = ContextPrompts.apply(conversations, sessions, generator.get(), seeds);
        return new SampledDataset(conversations, SamplingStrategy.parse(strategy, SamplingStrategy.SHUFFLE), seeds, "synthetic");
    }

    private static LoadContext.BatchSizes batchSizes(DatasetSpec ds, PromptSpec prompts) {
        return new LoadContext.BatchSizes(prompts.getBatchSize() == null ? 1 : prompts.getBatchSize(),
                ds.getImages() == null ? 1 : ds.getImages().resolvedBatchSize(),
                ds.getAudio() == null ? 1 : ds.getAudio().resolvedBatchSize(),
                ds.getVideo() == null ? 1 : ds.getVideo().resolvedBatchSize());
    }

    /** The spec's randomSeed, or a fresh one when unset (runs then differ, as in AIPerf without --random-seed). */
    static long resolveSeed(BenchmarkSpec spec) {
        return spec.getRandomSeed() != null ? spec.getRandomSeed() : ThreadLocalRandom.current().nextLong();
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
