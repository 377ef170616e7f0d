package dev.redline.runner.dataset;

import java.util.List;

/** A session: one or more turns sent in order over accumulated history. Single-turn datasets have one turn. */
public record Conversation(String id, List<Turn> turns) {
    public Conversation {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) throw new IllegalArgumentException("a conversation needs at least one turn");
    }
}
