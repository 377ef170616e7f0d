package dev.redline.runner.client;

import dev.redline.runner.record.Usage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenAiResponseParserTest {
    private final OpenAiResponseParser p = new OpenAiResponseParser();

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
        assertTrue(p.failure().startsWith("Unexpected end-of-input"), p.failure());
        assertFalse(parse("[1,2]"));
        assertEquals("not a JSON object", p.failure());
        assertTrue(parse("{}"));
        assertNull(p.failure());
        assertTrue(ResponseParser.isDone("[DONE]".getBytes(), 0, 6));
        assertFalse(ResponseParser.isDone("[DONE ".getBytes(), 0, 6));
    }

    @Test
    void finishReasonMarksTheEndOfGeneration() {
        assertTrue(parse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" a\"},\"finish_reason\":null}]}"));
        assertFalse(p.finished());
        assertTrue(parse("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}"));
        assertTrue(p.finished());
        assertTrue(parse("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}"));
        assertFalse(p.finished(), "a usage chunk is not a finish");
    }

    @Test
    void errorsInsideA200AnswerInEveryShapeServersSend() {
        assertTrue(parse("{\"error\":{\"message\":\"KV cache full\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}"));
        assertTrue(p.hasError());
        assertEquals("KV cache full", p.errorMessage());
        assertEquals(500, p.errorCode());
        assertTrue(parse("{\"object\":\"error\",\"message\":\"old vLLM\",\"type\":\"BadRequestError\",\"code\":400}"));
        assertEquals("old vLLM", p.errorMessage());
        assertEquals(400, p.errorCode());
        assertTrue(parse("{\"error\":\"overloaded\"}"));
        assertEquals("overloaded", p.errorMessage());
        assertEquals(-1, p.errorCode());
        assertTrue(parse("{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"OpenAI\"}"));
        assertFalse(p.hasError(), "only an event: error line makes this an error");
        assertEquals("OpenAI", p.topLevelMessage());
        assertTrue(parse("{\"error\":null,\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}"));
        assertFalse(p.hasError());
        assertNull(p.errorMessage());
    }
}
