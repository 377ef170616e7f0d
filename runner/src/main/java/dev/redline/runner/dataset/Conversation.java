package dev.redline.runner.dataset;

import java.util.List;

/**
 * A session: one or more turns sent in order. Single-turn datasets have one turn.
 *
 * @param fullPromptTurns true when every turn already carries the whole prompt (trace formats such as
 *                        mooncake sessions and Bailian, whose input length counts the full context): the
 *                        load generator then sends each turn alone instead of appending it to the live
 *                        history, so the context is not counted twice
 */
public record Conversation(String id, List<Turn> turns, boolean fullPromptTurns) {
    public Conversation {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) throw new IllegalArgumentException("a conversation needs at least one turn");
    }

    /** A conversation whose turns are deltas over the accumulated history (AIPerf's default). */
    public Conversation(String id, List<Turn> turns) {
        this(id, turns, false);
    }
}
