package dev.redline.runner.client;

import dev.redline.runner.record.Usage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseParserTest {
    private final ResponseParser p = new ResponseParser();

    private boolean parse(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return p.parse(b, 0, b.length);
    }

    @Test
    void chatDeltaContentWithEscapesAndUnicode() {
        assertTrue(parse("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00 \\/\"},\"logprobs\":null}]}"));
        assertEquals("a\"b\\c\né😀 /", p.content());
        assertNull(p.reasoning());
    }

    @Test
    void reasoningContentAndReasoningAliases() {
        assertTrue(parse("{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"think\"}}]}"));
        assertNull(p.content());
        assertEquals("think", p.reasoning());
        assertTrue(parse("{\"choices\":[{\"delta\":{\"reasoning\":\"r2\"}}]}"));
        assertEquals("r2", p.reasoning());
    }

    @Test
    void onlyFirstChoiceCounts() {
        assertTrue(parse("{\"choices\":[{\"delta\":{\"content\":\"first\"}},{\"delta\":{\"content\":\"second\"}}],\"usage\":null}"));
        assertEquals("first", p.content());
        assertNull(p.usage());
    }

    @Test
    void completionsTextAndNonStreamingMessage() {
        assertTrue(parse("{\"object\":\"text_completion\",\"choices\":[{\"text\":\" hi\",\"index\":0}]}"));
        assertEquals(" hi", p.content());
        assertTrue(parse("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"done\",\"tool_calls\":[{\"a\":[1,2]}]}}]}"));
        assertEquals("done", p.content());
    }

    @Test
    void usageWithDetails() {
        assertTrue(parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":4},\"prompt_tokens_details\":{\"cached_tokens\":6}}}"));
        assertEquals(new Usage(10, 20, 30, 4, 6), p.usage());
        assertNull(p.content());
        assertTrue(parse("{\"usage\":{\"prompt_tokens\":1,\"prompt_tokens_details\":null}}"));
        assertEquals(new Usage(1, -1, -1, -1, -1), p.usage());
    }

    @Test
    void embeddingsDataPresence() {
        assertTrue(parse("{\"object\":\"list\",\"data\":[{\"embedding\":[0.1,0.2]}]}"));
        assertTrue(p.hasData());
        assertTrue(parse("{\"object\":\"list\"}"));
        assertFalse(p.hasData());
    }

    @Test
    void invalidJsonIsRejectedAndResetsFields() {
        assertTrue(parse("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}"));
        assertFalse(parse("{\"choices\":[{\"delta\":{\"content\":\"x"));
        assertNull(p.content());
        assertFalse(parse("[1,2]"));
        assertTrue(ResponseParser.isDone("[DONE]".getBytes(), 0, 6));
        assertFalse(ResponseParser.isDone("[DONE ".getBytes(), 0, 6));
    }
}
