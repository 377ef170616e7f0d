package dev.redline.runner.load;

import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionRunTest {
    private static Turn turn(String text, String system) {
        return new Turn(List.of(text), system, 5, 3, null, null, Map.of());
    }

    @Test
    void historyAccumulatesLiveRepliesAndKeepsTheSystemPromptAtItsHead() {
        SessionRun s = new SessionRun(0, new Conversation("c", List.of(turn("a", "sys"), turn("b", null), turn("c", null))), "m", null);
        s.completeTurn(s.nextTurn(), "reply-a");
        s.completeTurn(s.nextTurn(), "reply-b");
        assertEquals(List.of(new ChatMessage("system", "sys"), ChatMessage.user("a"), ChatMessage.assistant("reply-a"),
                ChatMessage.user("b"), ChatMessage.assistant("reply-b")), s.history());
        assertEquals(2, s.nextTurnIndex());
    }

    @Test
    void fullPromptTurnsAreSentAloneSoTheContextIsNotCountedTwice() {
        SessionRun s = new SessionRun(0, new Conversation("c", List.of(turn("a", null), turn("a b", null)), true), "m", null);
        s.completeTurn(s.nextTurn(), "reply");
        assertEquals(List.of(), s.history());
        assertEquals(1, s.nextTurnIndex());
    }
}
