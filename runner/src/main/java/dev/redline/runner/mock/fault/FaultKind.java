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
    RATE_LIMITED("429", p("retry-after-s", COUNT, "1", "value of the Retry-After header, seconds")),
    /** An HTTP 5xx error, answered at once. */
    SERVER_ERROR("5xx", p("status", STATUS_5XX, "500", "the status code")),
    /** HTTP 503 with {@code Retry-After} for every request in a time window. */
    STORM("storm", p("retry-after-s", COUNT, "1", "value of the Retry-After header, seconds")),
    /** TCP reset (RST) before any byte of the response. */
    RESET("reset"),
    /** A delay before the status line; then the normal answer. */
    SLOW_HEADERS("slow-headers", p("delay-s", SECONDS, "2", "delay before the status line, seconds")),
    /** The response stops after N tokens: no finish_reason, no [DONE]. */
    STREAM_CUT("stream-cut", p("after-tokens", COUNT, "1", "token events sent before the cut"),
            p("mode", CHOICE, "close|end", "close: the socket is closed; end: the HTTP response ends cleanly")),
    /** No bytes for a while after N tokens, then the rest of the response. */
    STALL("stall", p("after-tokens", COUNT, "1", "token events sent before the stall"),
            p("stall-s", SECONDS, "10", "how long no byte is sent, seconds")),
    /** One token event carries JSON cut in the middle. */
    BAD_JSON("bad-json", p("at-token", COUNT, "0", "index of the token event that is malformed")),
    /** Every write is split in two TCP writes inside a {@code data:} line: valid SSE, not an error. */
    SPLIT_LINE("split-line", p("gap-ms", SECONDS, "5", "pause between the two halves, milliseconds")),
    /** An error event inside the 200 stream (vLLM's {@code data: {"error":...}} or an SSE {@code event: error}). */
    ERROR_EVENT("error-event", p("after-tokens", COUNT, "1", "token events sent before the error"),
            p("style", CHOICE, "data|event", "data: vLLM's data: {\"error\":{...}}; event: event: error (OpenAI)")),
    /** A 200 answer whose Content-Type is neither text/event-stream nor application/json. */
    WRONG_CONTENT_TYPE("wrong-content-type", p("content-type", CONTENT_TYPE, "text/html", "the Content-Type sent")),
    /** A 200 answer with the right Content-Type and no body. */
    EMPTY_BODY("empty-body");

    private final String wireName;
    private final List<FaultParam> params;

    FaultKind(String wireName, FaultParam... own) {
        this.wireName = wireName;
        List<FaultParam> all = new ArrayList<>(Arrays.asList(own));
        // every kind takes a window: a schedule instead of (or on top of) the rate
        all.add(p("start-s", SECONDS, "0", "window start, seconds after the first inference request"));
        all.add(p("duration-s", SECONDS, null, "window length, seconds (default: no end)"));
        this.params = List.copyOf(all);
    }

    private static FaultParam p(String name, FaultParam.Type type, String fallback, String meaning) {
        return new FaultParam(name, type, fallback, meaning);
    }

    /** The name in {@code --fault}, {@code faults:} and the mock's {@code /metrics}. */
    public String wireName() { return wireName; }

    /** Every parameter this kind takes, its own first, then the window. */
    public List<FaultParam> params() { return params; }

    Optional<FaultParam> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

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
