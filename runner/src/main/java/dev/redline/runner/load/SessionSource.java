package dev.redline.runner.load;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;

/** Serialises access to the dataset and model selector, which are not thread-safe, for all event loops. */
final class SessionSource {
    private final Dataset dataset;
    private final ModelSelector models;
    private final CacheBust cacheBust;
    private long opened; // sessions started in the run, across phases: numbers each session's cache-bust marker

    SessionSource(Dataset dataset, ModelSelector models, CacheBust cacheBust) {
        this.dataset = dataset;
        this.models = models;
        this.cacheBust = cacheBust;
    }

    synchronized SessionRun open(long sessionNum) {
        return open(sessionNum, dataset.next(sessionNum));
    }

    /** A session over a given conversation (trace replay), with the model chosen as usual. */
    synchronized SessionRun open(long sessionNum, Conversation c) {
        return new SessionRun(sessionNum, c, models.select(sessionNum), cacheBust.sessionMarker(opened++, c.id()));
    }

    boolean multiTurn() {
        for (Conversation c : dataset.conversations()) if (c.turns().size() > 1) return true;
        return false;
    }

    int conversations() { return dataset.conversations().size(); }
}
