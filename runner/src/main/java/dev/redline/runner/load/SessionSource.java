package dev.redline.runner.load;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;

/** Serialises access to the dataset and model selector, which are not thread-safe, for all event loops. */
final class SessionSource {
    private final Dataset dataset;
    private final ModelSelector models;

    SessionSource(Dataset dataset, ModelSelector models) {
        this.dataset = dataset;
        this.models = models;
    }

    synchronized SessionRun open(long sessionNum) {
        Conversation c = dataset.next(sessionNum);
        return new SessionRun(sessionNum, c, models.select(sessionNum));
    }

    /** A session over a given conversation (trace replay), with the model chosen as usual. */
    synchronized SessionRun open(long sessionNum, Conversation c) {
        return new SessionRun(sessionNum, c, models.select(sessionNum));
    }

    boolean multiTurn() {
        for (Conversation c : dataset.conversations()) if (c.turns().size() > 1) return true;
        return false;
    }

    int conversations() { return dataset.conversations().size(); }
}
