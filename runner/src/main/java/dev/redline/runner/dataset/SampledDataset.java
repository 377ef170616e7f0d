package dev.redline.runner.dataset;

import java.util.List;
import java.util.Random;

/**
 * A fixed list of conversations served per a {@link SamplingStrategy}. The choice for session {@code n} is a pure
 * function of the seed and {@code n}, so replays pick the same entries in the same order.
 */
public final class SampledDataset implements Dataset {
    private final List<Conversation> conversations;
    private final SamplingStrategy strategy;
    private final SeedStreams seeds;
    private final String source;
    private long shuffledEpoch = -1;
    private int[] permutation;

    public SampledDataset(List<Conversation> conversations, SamplingStrategy strategy, SeedStreams seeds) {
        this(conversations, strategy, seeds, "custom");
    }

    /** {@code source} names where the entries came from for reports: synthetic, a file type, public:name, records. */
    public SampledDataset(List<Conversation> conversations, SamplingStrategy strategy, SeedStreams seeds, String source) {
        this.source = source;
        if (conversations.isEmpty()) throw new IllegalArgumentException("the dataset has no entries");
        this.conversations = List.copyOf(conversations);
        this.strategy = strategy;
        this.seeds = seeds;
    }

    /** The same sampling over other conversations (the dataset after system prompts or trace changes). */
    public SampledDataset withConversations(List<Conversation> replaced) {
        return new SampledDataset(replaced, strategy, seeds, source);
    }

    @Override
    public List<Conversation> conversations() {
        return conversations;
    }

    public String source() {
        return source;
    }

    /** True when the entries carry trace timestamps (a fixed schedule can replay them). */
    public boolean hasTimestamps() {
        return conversations.stream().anyMatch(c -> c.turns().get(0).timestampMs() != null);
    }

    public SamplingStrategy strategy() {
        return strategy;
    }

    @Override
    public Conversation next(long sessionNumber) {
        if (sessionNumber < 0) throw new IllegalArgumentException("session number must be >= 0, got " + sessionNumber);
        int size = conversations.size();
        return switch (strategy) {
            case SEQUENTIAL -> conversations.get((int) (sessionNumber % size));
            case RANDOM -> conversations.get(seeds.stream("sampling.random", sessionNumber).nextInt(size));
            case SHUFFLE -> conversations.get(permutation(sessionNumber / size)[(int) (sessionNumber % size)]);
        };
    }

    private int[] permutation(long epoch) {
        if (epoch != shuffledEpoch) {
            int size = conversations.size();
            int[] p = new int[size];
            for (int i = 0; i < size; i++) p[i] = i;
            Random rnd = seeds.stream("sampling.shuffle", epoch);
            for (int i = size - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            permutation = p;
            shuffledEpoch = epoch;
        }
        return permutation;
    }
}
