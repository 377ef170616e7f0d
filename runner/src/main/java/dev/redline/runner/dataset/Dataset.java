package dev.redline.runner.dataset;

import java.util.List;

/** The materialised inputs of a run, built before the first request is sent. */
public interface Dataset {
    List<Conversation> conversations();

    /** Picks the conversation for the n-th session (0-based) per the sampling strategy. Thread-confined to the scheduler. */
    Conversation next(long sessionNumber);
}
