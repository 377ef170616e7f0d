package dev.redline.runner.load;

import dev.redline.runner.client.InferenceClient;
import dev.redline.runner.dataset.Turn;
import io.vertx.core.Vertx;

/** What every phase of a run shares: the client, the session source, the issuer and the counters. */
record PhaseContext(Vertx vertx, InferenceClient client, SessionSource source, TurnIssuer issuer,
                    LoadProgress progress, double sessionDelayRatio, long seed, Clock clock) {

    /** The delay before a continuation turn, scaled by --session-delay-ratio. */
    long turnDelayNs(Turn t) {
        if (t.delayMs() == null || t.delayMs() <= 0) return 0;
        return (long) (t.delayMs() * 1_000_000L * sessionDelayRatio);
    }
}
