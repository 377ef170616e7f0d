package dev.redline.plan;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** A sweep as a planner: proposes its variations in order, skipping those finished or running. */
public final class FixedPlanner implements Planner {
    public static final String DONE_REASON = "all_variations_run";

    private final List<Variation> variations;

    public FixedPlanner(List<Variation> variations) {
        this.variations = List.copyOf(variations);
    }

    @Override
    public Step next(List<Observation> finished, List<Variation> running) {
        Set<Integer> taken = new HashSet<>();
        finished.forEach(o -> taken.add(o.variation().index()));
        running.forEach(v -> taken.add(v.index()));
        for (Variation v : variations) if (!taken.contains(v.index())) return Step.run(v);
        return running.isEmpty() ? Step.done(DONE_REASON) : Step.await();
    }

    @Override
    public OptionalInt budget() {
        return OptionalInt.of(variations.size());
    }

    public List<Variation> variations() { return variations; }
}
