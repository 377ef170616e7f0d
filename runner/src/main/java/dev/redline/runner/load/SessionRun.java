package dev.redline.runner.load;

import dev.redline.runner.client.RequestIds;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * One session in progress: its conversation, model, X-Correlation-ID and the live chat history
 * (user turns plus the assistant replies actually received). Confined to one event loop.
 */
final class SessionRun {
    final long sessionNum;
    final Conversation conversation;
    final String model;
    // per session, i.e. per request in single-turn runs: not UUID.randomUUID(), whose SecureRandom lock every loop shares
    final String correlationId = RequestIds.randomUuid();
    /** This session's cache-bust marker, or null (see {@link CacheBust}). */
    final String cacheBustMarker;
    private final List<ChatMessage> history = new ArrayList<>();
    private int nextTurn;

    SessionRun(long sessionNum, Conversation conversation, String model, String cacheBustMarker) {
        this.sessionNum = sessionNum;
        this.conversation = conversation;
        this.model = model;
        this.cacheBustMarker = cacheBustMarker;
    }

    boolean hasNextTurn() { return nextTurn < conversation.turns().size(); }

    /**
     * Whether the reply to the turn being sent goes into a later turn's history: not in the last turn, nor when
     * each turn is the whole prompt. Single-turn runs thus never copy the response text on the event loop.
     */
    boolean needsReply() { return nextTurn + 1 < conversation.turns().size() && !conversation.fullPromptTurns(); }

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
        boolean carry = needsReply();
        nextTurn++;
        if (!carry) return;
        // the first turn's system prompt stays at the head of the conversation for every later turn
        if (history.isEmpty() && sent.systemPrompt() != null) history.add(new ChatMessage("system", sent.systemPrompt()));
        history.add(new ChatMessage(sent.messageRole(), String.join("\n", sent.texts()), sent.media()));
        history.add(ChatMessage.assistant(reply == null ? "" : reply));
    }
}
