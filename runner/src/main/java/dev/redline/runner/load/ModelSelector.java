package dev.redline.runner.load;

import java.util.List;
import java.util.SplittableRandom;

/** Picks the model of each session: round_robin (n-th session gets model n mod M) or seeded random. */
public final class ModelSelector {
    private final List<String> models;
    private final boolean random;
    private final SplittableRandom rng;

    public ModelSelector(List<String> models, String strategy, long seed) {
        if (models == null || models.isEmpty()) throw new IllegalArgumentException("at least one model is required");
        this.models = List.copyOf(models);
        this.random = "random".equals(strategy);
        this.rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    }

    /** Not thread-safe; callers serialise (the request source does). */
    public String select(long sessionNum) {
        if (models.size() == 1) return models.get(0);
        return random ? models.get(rng.nextInt(models.size())) : models.get((int) Math.floorMod(sessionNum, (long) models.size()));
    }
}
