package dev.redline.runner.dataset;

import dev.redline.api.v1alpha1.SessionsSpec;




import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups a single-turn dataset's prompts into multi-turn sessions per {@link SessionsSpec}: each session's
 * turn count is a rounded Normal(turnsMean, turnsStddev) (at least 1), and every turn after the first
 * carries a delay of Normal(turnDelayMeanMs, turnDelayStddevMs) ms (at least 0), counted from the previous
 * turn's completion. Prompts are taken in dataset order, cycling. Seeded, so runs are reproducible.
 */
public final class SyntheticSessions implements Dataset {
    private final List<Conversation> sessions;

    private SyntheticSessions(List<Conversation> sessions) {
        this.sessions = List.copyOf(sessions);
    }

    /** True when the spec asks for more than one turn per session. */
    public static boolean wanted(SessionsSpec spec) {
        return spec != null && spec.getTurnsMean() != null && spec.getTurnsMean() > 1;
    }

    /** Builds {@code count} sessions from the prompts of {@code base}. */
    public static SyntheticSessions shape(Dataset base, SessionsSpec spec, long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5E5510L);
        double turnsMean = spec.getTurnsMean() == null ? 1 : spec.getTurnsMean();
        double turnsSd = spec.getTurnsStddev() == null ? 0 : spec.getTurnsStddev();
        double delayMean = spec.getTurnDelayMeanMs() == null ? 0 : spec.getTurnDelayMeanMs();
        double delaySd = spec.getTurnDelayStddevMs() == null ? 0 : spec.getTurnDelayStddevMs();
        List<Conversation> pool = base.conversations();
        List<Conversation> out = new ArrayList<>(count);
        int next = 0;
        for (int s = 0; s < count; s++) {
            int turns = (int) Math.max(1, Math.round(normal(rng, turnsMean, turnsSd)));
            List<Turn> list = new ArrayList<>(turns);
            for (int k = 0; k < turns; k++) {
                Turn t = pool.get(next++ % pool.size()).turns().get(0);
                Long delay = k == 0 ? null : Math.max(0L, Math.round(normal(rng, delayMean, delaySd)));
                list.add(new Turn(t.texts(), k == 0 ? t.systemPrompt() : null, t.maxTokens(), t.inputTokens(),
                        null, delay, t.extra(), t.media()));
            }
            out.add(new Conversation("session_" + s, list));
        }
        return new SyntheticSessions(out);
    }

    private static double normal(SplittableRandom rng, double mean, double sd) {
        return sd <= 0 ? mean : mean + sd * rng.nextGaussian();
    }

    @Override
    public List<Conversation> conversations() { return sessions; }

    @Override
    public Conversation next(long sessionNumber) {
        return sessions.get((int) Math.floorMod(sessionNumber, (long) sessions.size()));
    }
}
