package dev.redline.runner.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThinkTagSplitterTest {
    private static String delta(String content) {
        return "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}";
    }

    private final ThinkTagSplitter p = new ThinkTagSplitter(new OpenAiResponseParser());

    private void feed(String content) {
        byte[] b = delta(content).getBytes(StandardCharsets.UTF_8);
        p.parse(b, 0, b.length);
    }

    @Test
    void tagsSplitAcrossChunksSeparateReasoningFromOutput() {
        StringBuilder reasoning = new StringBuilder();
        StringBuilder output = new StringBuilder();
        for (String piece : new String[] {"<th", "ink>plan", " more</th", "ink>", "answer", " done"}) {
            feed(piece);
            if (p.reasoningChars() != null) reasoning.append(p.reasoningChars());
            if (p.contentChars() != null) output.append(p.contentChars());
        }
        assertEquals("plan more", reasoning.toString());
        assertEquals("answer done", output.toString());
    }

    @Test
    void contentWithoutALeadingTagIsOutput() {
        feed("hello <think>not a prefix</think>");
        assertEquals("hello <think>not a prefix</think>", p.content());
        assertNull(p.reasoningChars());
    }

    @Test
    void wholeBodyIsSplitInOneGo() {
        byte[] b = "{\"object\":\"chat.completion\",\"choices\":[{\"message\":{\"content\":\"\\n<think>why</think>because\"}}]}"
                .getBytes(StandardCharsets.UTF_8);
        p.parse(b, 0, b.length);
        assertEquals("why", p.reasoning());
        assertEquals("because", p.content());
    }
}
