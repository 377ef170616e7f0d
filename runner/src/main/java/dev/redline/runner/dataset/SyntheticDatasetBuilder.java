package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.LengthSpec;
import dev.redline.api.v1alpha1.PromptSpec;
import dev.redline.api.v1alpha1.RankingsSpec;
import dev.redline.runner.dataset.media.MediaParts;
import dev.redline.runner.dataset.media.MediaSynthesizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Synthetic single-turn entries: each prompt has an exact token count drawn from the ISL distribution; the output
 * limit is drawn from the OSL distribution only when one is configured. With prefix prompts, K shared prefixes of L
 * tokens are made once and each entry starts with a seeded choice of one, so the entry's ISL is exactly L + its drawn
 * length. Synthetic media (images, audio, video) is made per entry with the text. Entries are built in parallel, each from its own seeded streams, so the result does not depend on threads.
 */
final class SyntheticDatasetBuilder {
    private final SyntheticPromptGenerator generator;
    private final SeedStreams seeds;
    private final MediaSynthesizer media;

    /** @param media the entries' images/audio/video, or null for text only */
    SyntheticDatasetBuilder(SyntheticPromptGenerator generator, SeedStreams seeds, MediaSynthesizer media) {
        this.generator = generator;
        this.seeds = seeds;
        this.media = media;
    }

    /**
     * AIPerf's synthetic rankings: per entry one query and a drawn number of passages (at least 1), each of exact,
     * drawn token length; the turn's first text is the query, the rest the passages; the ISL is their sum.
     */
    List<Conversation> buildRankings(RankingsSpec spec, PromptSpec prompts, int entries) {
        LengthSampler passages = sampler(spec.getPassages(), 1);
        LengthSampler passageTokens = sampler(spec.getPassageTokens(), RankingsSpec.DEFAULT_TOKENS);
        LengthSampler queryTokens = sampler(spec.getQueryTokens(), RankingsSpec.DEFAULT_TOKENS);
        LengthSampler osl = oslSampler(prompts);
        return IntStream.range(0, entries).parallel().mapToObj(i -> {
            Random text = seeds.stream("synthetic.rankings", i);
            int n = passages.sample(seeds.stream("synthetic.rankings.passages", i));
            List<String> texts = new ArrayList<>(n + 1);
            int q = queryTokens.sample(text);
            texts.add(generator.generate(q, text));
            int inputTokens = q;
            for (int k = 0; k < n; k++) {
                int p = passageTokens.sample(text);
                texts.add(generator.generate(p, text));
                inputTokens += p;
            }
            Integer maxTokens = osl == null ? null : osl.sample(seeds.stream("synthetic.osl", i));
            return new Conversation("synthetic-" + i, List.of(new Turn(texts, null, maxTokens, inputTokens, null, null, Map.of())));
        }).toList();
    }

    List<Conversation> build(PromptSpec prompts, int entries) {
        SequenceMix mix = SequenceMix.of(prompts.getSequenceDistribution());
        LengthSampler[] window = RangeRatio.samplers(prompts);
        LengthSampler isl = window != null ? window[0] : sampler(prompts.getIsl(), PromptSpec.DEFAULT_ISL);
        LengthSampler osl = window != null ? window[1] : oslSampler(prompts);
        int batch = prompts.getBatchSize() == null ? 1 : prompts.getBatchSize();
        List<String> prefixes = prefixes(prompts);
        int prefixTokens = prefixes.isEmpty() ? 0 : prompts.getPrefixPromptLength();
        return IntStream.range(0, entries).parallel()
                .mapToObj(i -> {
                    if (mix == null) return entry(i, isl, osl, batch, prefixes, prefixTokens);
                    SequenceMix.Pair pair = mix.pick(seeds.stream("synthetic.seqdist", i)); // an (ISL, OSL) pair per entry
                    return entry(i, pair.isl(), pair.osl(), batch, prefixes, prefixTokens);
                })
                .toList();
    }

    private List<String> prefixes(PromptSpec prompts) {
        Integer count = prompts.getPrefixPromptCount();
        Integer length = prompts.getPrefixPromptLength();
        if (count == null || count < 1 || length == null || length < 1) return List.of();
        return IntStream.range(0, count).parallel()
                .mapToObj(k -> generator.generate(length, seeds.stream("synthetic.prefix", k)))
                .toList();
    }

    private Conversation entry(int index, LengthSampler isl, LengthSampler osl, int batch, List<String> prefixes, int prefixTokens) {
        Random text = seeds.stream("synthetic.prompt", index);
        List<String> texts = new ArrayList<>(batch);
        int inputTokens = 0;
        for (int b = 0; b < batch; b++) {
            int n = isl.sample(text);
            if (b == 0 && !prefixes.isEmpty()) {
                String prefix = prefixes.get(seeds.stream("synthetic.prefix.choice", index).nextInt(prefixes.size()));
                texts.add(prefix + generator.generateAfter(prefix, n, text));
                inputTokens += prefixTokens + n;
            } else {
                texts.add(generator.generate(n, text));
                inputTokens += n;
            }
        }
        Integer maxTokens = osl == null ? null : osl.sample(seeds.stream("synthetic.osl", index));
        Turn turn = new Turn(texts, null, maxTokens, inputTokens, null, null, Map.of(),
                media == null ? MediaParts.NONE : media.forEntry(index));
        return new Conversation("synthetic-" + index, List.of(turn));
    }

    /** The configured output-length distribution, or null when no --osl is set. */
    static LengthSampler oslSampler(PromptSpec prompts) {
        return prompts.getOsl() == null || !prompts.getOsl().configured() ? null : sampler(prompts.getOsl(), 0);
    }

    static LengthSampler sampler(LengthSpec spec, int defaultMean) {
        return LengthSampler.of(spec, defaultMean);
    }
}
