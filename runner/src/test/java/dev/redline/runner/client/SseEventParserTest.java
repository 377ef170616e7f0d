package dev.redline.runner.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SseEventParserTest {
    private final List<String> data = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final SseEventParser parser = new SseEventParser((b, len, t) -> {
        data.add(new String(b, 0, len, StandardCharsets.UTF_8));
        times.add(t);
    });

    private void feed(String s, long t) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        parser.feed(b, 0, b.length, t);
    }

    @Test
    void splitsOnBlankLinesWithLfCrlfAndCr() {
        feed("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata:d\n\n", 1);
        assertEquals(List.of("a", "b", "c", "d"), data);
    }

    @Test
    void eventTimestampIsArrivalOfItsFirstByte() {
        feed("data: {\"x\":", 100);
        feed("1}\n", 200);
        feed("\ndata: second\n\n", 300);
        assertEquals(List.of("{\"x\":1}", "second"), data);
        assertEquals(List.of(100L, 300L), times);
    }

    @Test
    void crlfSplitAcrossBuffersDoesNotStartANewEvent() {
        feed("data: a\r\n\r", 10);
        feed("\n", 20);              // LF completing the blank line's CRLF: not the next event's first byte
        feed("data: b\r\n\r\n", 30);
        assertEquals(List.of(10L, 30L), times);
    }

    @Test
    void commentsAndOtherFieldsAreIgnoredAndDataLinesJoin() {
        feed(": ping\n\nevent: message\nid: 7\ndata: line1\ndata: line2\n\n: only comment\n\n", 5);
        assertEquals(List.of("line1\nline2"), data);
    }

    @Test
    void dataFieldWithoutSpaceAndEmptyDataAndNonDataPrefix() {
        feed("data:x\n\ndata\n\ndatax: nope\n\n", 1);
        assertEquals(List.of("x", ""), data);
    }

    @Test
    void finishDispatchesUnterminatedEvent() {
        feed("data: tail", 9);
        parser.finish();
        assertEquals(List.of("tail"), data);
    }

    @Test
    void longLinesGrowBuffers() {
        String big = "y".repeat(10_000);
        feed("data: " + big + "\n\n", 1);
        assertEquals(List.of(big), data);
    }

    @Test
    void errorTypedEventsGoToOnErrorEventWithOrWithoutData() {
        List<String> errors = new ArrayList<>();
        SseEventParser p = new SseEventParser(new SseEventParser.Listener() {
            @Override
            public void onEvent(byte[] b, int len, long t) {
                data.add(new String(b, 0, len, StandardCharsets.UTF_8));
            }

            @Override
            public void onErrorEvent(byte[] b, int len, long t) {
                errors.add(new String(b, 0, len, StandardCharsets.UTF_8));
            }
        });
        byte[] b = ("event: error\ndata: {\"message\":\"boom\"}\n\n"
                + "data: after\n\n"                      // the event type does not carry over
                + "event:error\n: only a comment\n\n"     // no data: still an error event
                + "event: errors\ndata: x\n\nevent: message\ndata: y\n\n").getBytes(StandardCharsets.UTF_8);
        p.feed(b, 0, b.length, 1);
        assertEquals(List.of("{\"message\":\"boom\"}", ""), errors);
        assertEquals(List.of("after", "x", "y"), data);
    }
}
