package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.SequenceShare;

import java.util.List;
import java.util.Random;

/**
 * AIPerf's sequence distribution: (ISL, OSL) pairs with percentages; each entry picks one pair by its probability
 * and draws both lengths from it (the plain isl/osl settings are then not used).
 */
final class SequenceMix {
    record Pair(LengthSampler isl, LengthSampler osl) { }

    private final Pair[] pairs;
    private final double[] cumulative;

    private SequenceMix(List<SequenceShare> shares) {
        pairs = new Pair[shares.size()];
        cumulative = new double[shares.size()];
        double total = 0;
        for (int i = 0; i < shares.size(); i++) {
            SequenceShare s = shares.get(i);
            pairs[i] = new Pair(LengthSampler.of(s.getIsl(), 1), LengthSampler.of(s.getOsl(), 1));
            total += s.getProbability();
            cumulative[i] = total;
        }
    }

    /** The mix, or null when no sequence distribution is configured. */
    static SequenceMix of(List<SequenceShare> shares) {
        return shares == null || shares.isEmpty() ? null : new SequenceMix(shares);
    }

    Pair pick(Random rnd) {
        double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < pairs.length; i++) if (r < cumulative[i]) return pairs[i];
        return pairs[pairs.length - 1];
    }
}
