package dev.redline.runner.mock.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.redline.runner.mock.fault.FaultParam.Type.*;

/**
 * What can go wrong on the wire, by the name used in {@code --fault KIND} and in a {@code faults:} block.
 * docs/mock-server.md describes each kind's bytes and how the client counts it.
 */
public enum FaultKind {
    /** HTTP 429 with {@code Retry-After}, answered at once. */
    RATE_LIMITED("429", p("retry-after-s", COUNT, "1")),
    /** An HTTP 5xx error, answered at once. */
    SERVER_ERROR("5xx", p("status", STATUS_5XX, "500")),
    /** HTTP 503 with {@code Retry-After} for every request in a time window. */
    STORM("storm", p("retry-after-s", COUNT, "1")),
    /** TCP reset (RST) before any byte of the response. */
    RESET("reset"),
    /** A delay before the status line; then the normal answer. */
    SLOW_HEADERS("slow-headers", p("delay-s", DURATION, "2")),
    /** The response stops after N tokens: no finish_reason, no [DONE]. */
    STREAM_CUT("stream-cut", p("after-tokens", COUNT, "1"),
            p("mode", CHOICE, "close|end")),
    /** No bytes for a while after N tokens, then the rest of the response. */
    STALL("stall", p("after-tokens", COUNT, "1"),
            p("stall-s", DURATION, "10")),
    /** One token event carries JSON cut in the middle. */
    BAD_JSON("bad-json", p("at-token", COUNT, "0")),
    /** Every write is split in two TCP writes inside a {@code data:} line: valid SSE, not an error. */
    SPLIT_LINE("split-line", p("gap-ms", DURATION, "5")),
    /** An error event inside the 200 stream (vLLM's {@code data: {"error":...}} or an SSE {@code event: error}). */
    ERROR_EVENT("error-event", p("after-tokens", COUNT, "1"),
            p("style", CHOICE, "data|event")),
    /** A 200 answer whose Content-Type is neither text/event-stream nor application/json. */
    WRONG_CONTENT_TYPE("wrong-content-type", p("content-type", CONTENT_TYPE, "text/html")),
    /** A 200 answer with the right Content-Type and no body. */
    EMPTY_BODY("empty-body");

    private final String wireName;
    private final List<FaultParam> params;

    FaultKind(String wireName, FaultParam... own) {
        this.wireName = wireName;
        List<FaultParam> all = new ArrayList<>(Arrays.asList(own));
        // every kind takes a window: a schedule instead of (or on top of) the rate
        all.add(p("start-s", DURATION, "0"));
        all.add(p("duration-s", DURATION, null));
        this.params = List.copyOf(all);
    }

    private static FaultParam p(String name, FaultParam.Type type, String fallback) {
        return new FaultParam(name, type, fallback);
    }

    /** The name in {@code --fault}, {@code faults:} and the mock's {@code /metrics}. */
    public String wireName() { return wireName; }

    /** Every parameter this kind takes, its own first, then the window. */
    public List<FaultParam> params() { return params; }

    public static Optional<FaultKind> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equalsIgnoreCase(name.trim())).findFirst();
    }

    /** "429, 5xx, storm, ..." for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(FaultKind::wireName).toList());
    }

    @Override
    public String toString() { return wireName; }
}
