package dev.redline.plan.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tiers of a multi-tier search are strictly harder than which (AIPerf's tier ordering): tier A is stricter than
 * B when both constrain the same (metric, stat) pairs with the same operators and every threshold of A is harder
 * (higher for gt/ge, lower for lt/le). A pass of the strict tier is then a pass of the lenient one at the same value,
 * a failure of the lenient tier a failure of the strict one; a pair whose brackets contradict that is dropped.
 */
final class TierOrdering {
    /** Pairs {strict, lenient} by tier index. */
    private final List<int[]> pairs = new ArrayList<>();
    private final Set<Long> disabled = new HashSet<>();

    TierOrdering(List<SlaTier> tiers) {
        for (int i = 0; i < tiers.size(); i++) {
            for (int j = 0; j < tiers.size(); j++) {
                if (i != j && stricter(tiers.get(i), tiers.get(j))) pairs.add(new int[] {i, j});
            }
        }
    }

    /** The pairs still trusted, {strict, lenient}. */
    List<int[]> active() {
        return pairs.stream().filter(p -> !disabled.contains(key(p))).toList();
    }

    void propagateFail(int failed, long value, List<TierBracket> brackets) {
        for (int[] p : active()) {
            if (p[1] != failed) continue;
            TierBracket strict = brackets.get(p[0]);
            if (strict.converged) continue;
            if (strict.infeasibleMin == null || value < strict.infeasibleMin) {
                strict.infeasibleMin = value;
                checkContradiction(p, brackets);
            }
        }
    }

    void propagatePass(int passed, long value, List<TierBracket> brackets) {
        for (int[] p : active()) {
            if (p[0] != passed) continue;
            TierBracket lenient = brackets.get(p[1]);
            if (lenient.converged) continue;
            if (lenient.feasibleMax == null || value > lenient.feasibleMax) {
                lenient.feasibleMax = value;
                checkContradiction(p, brackets);
            }
        }
    }

    private void checkContradiction(int[] p, List<TierBracket> brackets) {
        TierBracket s = brackets.get(p[0]), l = brackets.get(p[1]);
        boolean contradiction = ge(s.feasibleMax, l.infeasibleMin) || ge(l.feasibleMax, l.infeasibleMin)
                || ge(s.feasibleMax, s.infeasibleMin);
        if (contradiction) disabled.add(key(p));
    }

    private static boolean ge(Long a, Long b) {
        return a != null && b != null && a >= b;
    }

    private static long key(int[] p) {
        return ((long) p[0] << 32) | p[1];
    }

    static boolean stricter(SlaTier a, SlaTier b) {
        Set<String> keysA = new HashSet<>(), keysB = new HashSet<>();
        for (SlaFilter f : a.filters()) keysA.add(f.metricTag() + "\u0000" + f.stat());
        for (SlaFilter f : b.filters()) keysB.add(f.metricTag() + "\u0000" + f.stat());
        if (!keysA.equals(keysB)) return false;
        for (SlaFilter fa : a.filters()) {
            SlaFilter fb = null;
            for (SlaFilter f : b.filters()) if (f.metricTag().equals(fa.metricTag()) && f.stat().equals(fa.stat())) fb = f;
            if (fb == null || fa.op() != fb.op()) return false;
            boolean harder = fa.op().isUpperBound() ? fa.threshold() < fb.threshold() : fa.threshold() > fb.threshold();
            if (!harder) return false;
        }
        return true;
    }
}
