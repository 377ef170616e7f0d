package dev.redline.runner.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte scan must read exactly what Jackson reads, on valid, odd and broken input alike. */
class ChunkFieldScannerTest {
    private static final List<String> CASES = List.of(
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" word\"},\"finish_reason\":null}]}",
            "{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00 \\/\\b\\f\\r\\t\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":null,\"reasoning_content\":\"think\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning\":\"r1\",\"reasoning_content\":\"r2\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning_content\":\"r2\",\"reasoning\":\"r1\"}}]}",
            "{\"choices\":[{\"delta\":{\"reasoning\":\"r1\",\"reasoning\":\"r3\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"first\"}},{\"delta\":{\"content\":\"second\"}}],\"usage\":null}",
            "{\"choices\":[{\"text\":\"completion text\",\"index\":0}]}",
            "{\"choices\":[{\"message\":{\"content\":\"whole\"},\"text\":\"t\"}]}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":34,\"total_tokens\":46,"
                    + "\"completion_tokens_details\":{\"reasoning_tokens\":5},\"prompt_tokens_details\":{\"cached_tokens\":3}}}",
            "{\"usage\":{\"prompt_tokens\":1.5,\"completion_tokens\":-2,\"total_tokens\":1e3,\"reasoning_tokens\":7}}",
            "{\"usage\":{\"prompt_tokens\":99999999999}}",
            "{\"usage\":{\"prompt_tokens\":2147483647,\"completion_tokens\":-2147483648}}",
            "{\"usage\":[1,2],\"choices\":[{\"delta\":{\"content\":\"after\"}}]}",
            "{\"usage\":\"n/a\",\"choices\":[{\"delta\":{\"content\":\"x\"}}]}",
            "{\"data\":[{\"embedding\":[0.1,-2.5e-3,3]}],\"usage\":{\"prompt_tokens\":4}}",
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}",
            "{\"choices\":[{\"finish_reason\":\"stop\",\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}",
            "{\"choices\":[{\"delta\":{}},{\"finish_reason\":\"stop\"}]}",
            "{\"error\":{\"message\":\"Injected error event\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}",
            "{\"error\":{\"code\":\"server_error\",\"message\":\"a\",\"message\":7}}",
            "{\"error\":\"plain text error\"}", "{\"error\":null}", "{\"error\":[1]}", "{\"error\":{}}",
            "{\"object\":\"error\",\"message\":\"old vLLM\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
            "{\"code\":503,\"message\":\"before\",\"object\":\"error\"}",
            "{\"object\":\"\\u0065rror\",\"message\":\"escaped\"}",
            "{\"object\":\"chat.completion.chunk\",\"message\":\"not an error\",\"code\":1}",
            "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"OpenAI event\",\"param\":null}",
            "{\"data\":null}",
            "{\"cont\\u0065nt\":1,\"choices\":[{\"delta\":{\"cont\\u0065nt\":\"escaped name\"}}]}",
            "{\"choices\":{\"delta\":{\"content\":\"not an array\"}}}",
            "{\"choices\":[[1],{\"delta\":{\"content\":\"second\"}}]}",
            "{\"choices\":[{\"delta\":{\"content\":5}}]}",
            "{\"choices\":[{\"delta\":[\"content\"]}]}",
            " \n\t{ \"choices\" : [ { \"delta\" : { \"content\" : \"spaced\" } } ] } \n",
            "{}", "[]", "42", "\"s\"", "null", "", " ",
            "{\"choices\":[{\"delta\":{\"content\":\"unterminated}}]}",
            "{\"choices\":[{\"delta\":{\"content\":\"x\"}}]",
            "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":NaN}",
            "{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":[1,]}", "{\"a\" 1}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}",
            "{\"a\":\"tab\there\"}", "{\"a\":1}trailing", "{\"a\":1}{\"b\":2}",
            "{\"choices\":[{\"delta\":{\"content\":\"ok\"}}]} // comment",
            "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}");

    private static void assertSame(byte[] b) {
        assertSame(b, b.length);
        // the SSE parser hands over a reused array: bytes past the event must never be read
        byte[] tail = "u0041\"}}]}\"}".getBytes(StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(b, b.length + tail.length);
        System.arraycopy(tail, 0, padded, b.length, tail.length);
        assertSame(padded, b.length);
    }

    private static void assertSame(byte[] b, int len) {
        OpenAiResponseParser fast = new OpenAiResponseParser(true);
        OpenAiResponseParser jackson = new OpenAiResponseParser(false);
        String what = new String(b, 0, len, StandardCharsets.ISO_8859_1);
        boolean ok = jackson.parse(b, 0, len);
        assertEquals(ok, fast.parse(b, 0, len), what);
        if (!ok) return;
        assertEquals(jackson.content(), fast.content(), what);
        assertEquals(jackson.reasoning(), fast.reasoning(), what);
        assertEquals(jackson.usage(), fast.usage(), what);
        assertEquals(jackson.hasData(), fast.hasData(), what);
        assertEquals(jackson.finished(), fast.finished(), what);
        assertEquals(jackson.hasError(), fast.hasError(), what);
        assertEquals(jackson.errorMessage(), fast.errorMessage(), what);
        assertEquals(jackson.errorCode(), fast.errorCode(), what);
        assertEquals(jackson.topLevelMessage(), fast.topLevelMessage(), what);
    }

    @Test
    void agreesWithJacksonOnEveryCase() {
        for (String c : CASES) assertSame(c.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void agreesOnInvalidUtf8() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'}); // overlong
        bad.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}); // truncated
        bad.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        bad.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}); // surrogate
        for (byte[] b : bad) assertSame(b);
    }

    @Test
    void agreesOnEveryTruncationAndSingleByteCorruptionOfRealChunks() {
        Random rnd = new Random(7);
        byte[] alphabet = "{}[]\":,\\ 0123456789.eE-+tfnul\u00e9xu".getBytes(StandardCharsets.UTF_8);
        int checked = 0;
        for (String c : CASES.subList(0, 31)) {
            byte[] b = c.getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut <= b.length; cut++) {
                assertSame(java.util.Arrays.copyOf(b, cut));
                checked++;
            }
            for (int k = 0; k < 200; k++) {
                byte[] m = b.clone();
                m[rnd.nextInt(m.length)] = alphabet[rnd.nextInt(alphabet.length)];
                assertSame(m);
                checked++;
            }
        }
        assertTrue(checked > 3000);
    }

    @Test
    void scanReusesItsBuffersAcrossEvents() {
        ResponseParser p = new OpenAiResponseParser();
        byte[] a = "{\"choices\":[{\"delta\":{\"content\":\"one\"}}]}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}".getBytes(StandardCharsets.UTF_8);
        assertTrue(p.parse(a, 0, a.length));
        CharSequence first = p.contentChars();
        assertEquals("one", first.toString());
        assertTrue(p.parse(b, 0, b.length));
        assertEquals(null, p.contentChars()); // no content in the second event, nothing left over
    }
}
