package dev.redline.runner.load;

import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One session in progress: its conversation, model, X-Correlation-ID and the live chat history
 * (user turns plus the assistant replies actually received). Confined to one event loop.
 */
final class SessionRun {
    final long sessionNum;
    final Conversation conversation;
    final String model;
    final String correlationId = UUID.randomUUID().toString();
    private final List<ChatMessage> history = new ArrayList<>();
    private int nextTurn;

    SessionRun(long sessionNum, Conversation conversation, String model) {
        this.sessionNum = sessionNum;
        this.conversation = conversation;
        this.model = model;
    }

    boolean hasNextTurn() { return nextTurn < conversation.turns().size(); }

    int nextTurnIndex() { return nextTurn; }

    Turn nextTurn() { return conversation.turns().get(nextTurn); }

    /** History to send before the next turn's user message (a copy: the body is built from it later). */
    List<ChatMessage> history() { return List.copyOf(history); }

    /** Image parts a request for {@code turn} carries: the turn's and those of the history it re-sends. */
    int imagesSent(Turn turn) {
        int n = turn.media().images().size();
        for (ChatMessage m : history) n += m.media().images().size();
        return n;
    }

    /** Appends the just-sent user turn and the reply received (empty on error), and advances. */
    void completeTurn(Turn sent, String reply) {
        nextTurn++;
        if (conversation.fullPromptTurns()) return; // each turn is the whole prompt: no history to carry
        // the first turn's system prompt stays at the head of the conversation for every later turn
        if (history.isEmpty() && sent.systemPrompt() != null) history.add(new ChatMessage("system", sent.systemPrompt()));
        history.add(ChatMessage.user(String.join("\n", sent.texts()), sent.media()));
        history.add(ChatMessage.assistant(reply == null ? "" : reply));
    }
}
