package dev.redline.runner.client;

import dev.redline.runner.record.SpecDecodeAcceptance;
import dev.redline.runner.record.SpecDecodeStats;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** vLLM's response-root {@code metrics.speculative_decoding}: read by the parser, checked as AIPerf's adapter does. */
class SpecDecodeParsingTest {
    private static final String GOOD = "{\"num_spec_tokens\":3,\"num_spec_steps\":4,\"num_draft_tokens\":12,"
            + "\"num_accepted_draft_tokens\":5,\"mean_acceptance_length\":2.25,\"draft_acceptance_rate\":0.4166,"
            + "\"acceptance_histogram\":[1,1,2,0]}";

    private static SpecDecodeStats parse(String json) {
        OpenAiResponseParser parser = new OpenAiResponseParser();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        assertTrue(parser.parse(b, 0, b.length), parser.failure());
        return parser.specDecode();
    }

    private static String usageChunk(String stats) {
        return "{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":9,\"total_tokens\":12},"
                + "\"metrics\":{\"speculative_decoding\":" + stats + "}}";
    }

    @Test
    void readsTheTrailingUsageChunkAndKeepsTheUsage() {
        OpenAiResponseParser parser = new OpenAiResponseParser();
        byte[] b = usageChunk(GOOD).getBytes(StandardCharsets.UTF_8);
        assertTrue(parser.parse(b, 0, b.length));
        assertEquals(9, parser.usage().completionTokens());
        SpecDecodeAcceptance.Checked c = SpecDecodeAcceptance.check(parser.specDecode());
        assertNull(c.problem());
        SpecDecodeAcceptance a = c.acceptance();
        assertEquals(4, a.steps());
        assertEquals(5, a.accepted());
        assertEquals(12, a.draft());
        assertEquals(3, a.numSpecTokens());
        assertEquals(2.25, a.meanAcceptanceLength());
        assertArrayEquals(new long[] {1, 1, 2, 0}, a.histogram());
    }

    @Test
    void absentNullEmptyOrNotAnObjectIsNoObject() {
        assertNull(parse("{\"choices\":[]}"));
        assertNull(parse("{\"choices\":[],\"metrics\":null}"));
        assertNull(parse("{\"choices\":[],\"metrics\":{\"speculative_decoding\":null}}"));
        assertNull(parse("{\"choices\":[],\"metrics\":{\"speculative_decoding\":{}}}"));
        assertNull(parse("{\"choices\":[],\"metrics\":{\"speculative_decoding\":[1]}}"));
        assertNull(parse("{\"choices\":[],\"metrics\":[1,2]}"));
    }

    @Test
    void withoutVllmsSignatureItIsNotVllmsAndNotAProblem() {
        SpecDecodeAcceptance.Checked c = SpecDecodeAcceptance.check(parse(usageChunk("{\"num_spec_steps\":4}")));
        assertNull(c.acceptance());
        assertNull(c.problem());
    }

    @Test
    void aMalformedObjectIsDroppedWithAReason() {
        String[] bad = {
                GOOD.replace("[1,1,2,0]", "[1,1,2,0,0]"),             // not k + 1 buckets
                GOOD.replace("[1,1,2,0]", "[1,1,\"2\",0]"),           // a string count
                GOOD.replace("[1,1,2,0]", "[1,true,2,0]"),            // a bool count
                GOOD.replace("\"num_spec_steps\":4", "\"num_spec_steps\":5"), // histogram does not sum to steps
                GOOD.replace("\"num_accepted_draft_tokens\":5", "\"num_accepted_draft_tokens\":6"),
                GOOD.replace("\"num_draft_tokens\":12", "\"num_draft_tokens\":4"), // accepted > drafted
                GOOD.replace("\"mean_acceptance_length\":2.25,", ""),  // a required field missing
                GOOD.replace("2.25", "\"2.25\""),
        };
        for (String json : bad) {
            SpecDecodeAcceptance.Checked c = SpecDecodeAcceptance.check(parse(usageChunk(json)));
            assertNull(c.acceptance(), json);
            assertNotNull(c.problem(), json);
        }
    }

    @Test
    void jacksonAndTheByteScanAgreeOnTheRestOfTheChunk() {
        String chunk = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                + "\"metrics\":{\"speculative_decoding\":" + GOOD + "}}";
        OpenAiResponseParser parser = new OpenAiResponseParser();
        byte[] b = chunk.getBytes(StandardCharsets.UTF_8);
        assertTrue(parser.parse(b, 0, b.length));
        assertEquals("hi", parser.content());
        assertTrue(parser.finished());
        assertNotNull(parser.specDecode());
    }
}
