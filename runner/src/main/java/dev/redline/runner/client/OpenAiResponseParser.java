package dev.redline.runner.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.redline.runner.record.SpecDecodeStats;
import dev.redline.runner.record.Usage;

import java.io.IOException;

/**
 * The OpenAI shapes (chat, completions, embeddings and their look-alikes): pulls the few fields the metrics need out of one response JSON (an SSE event's data or a whole
 * non-streaming body) with Jackson's streaming parser, skipping everything else without building a tree.
 * Reads {@code choices[0].delta|message.{content, reasoning_content, reasoning}}, {@code choices[0].text},
 * whether {@code choices[0].finish_reason} is set, {@code usage}, whether {@code data} (embeddings) is present,
 * and an error the server put in a 200 body or event ({@code error}, or {@code "object":"error"}); on
 * input that is not a JSON object, {@link #failure()} says what is wrong. Reused per response; single-threaded.
 * Plain JSON goes through {@link ChunkFieldScanner} (a byte scan, no per-chunk allocation); anything it
 * does not take falls back to Jackson, which decides.
 */
public final class OpenAiResponseParser implements ResponseParser {
    private static final JsonFactory JSON = new JsonFactory();

    private String content;
    private String reasoning;
    private Usage usage;
    private SpecDecodeStats specDecode;
    private boolean hasData;
    private boolean finished;
    private boolean hasError;
    private String errorMessage;
    private String topMessage;
    private int errorCode;
    private String failure;
    private final ChunkFieldScanner fast;
    private boolean fromFast;

    public OpenAiResponseParser() {
        this(true);
    }

    /** {@code byteScan} false: Jackson only (the reference the scan is tested against). */
    OpenAiResponseParser(boolean byteScan) {
        this.fast = byteScan ? new ChunkFieldScanner() : null;
    }

    @Override
    public boolean parse(byte[] bytes, int off, int len) {
        content = null;
        reasoning = null;
        usage = null;
        specDecode = null;
        hasData = finished = hasError = false;
        errorMessage = null;
        topMessage = null;
        errorCode = -1;
        failure = null;
        fromFast = fast != null && fast.scan(bytes, off, len);
        if (fromFast) {
            if (fast.hasUsage) {
                usage = new Usage(fast.prompt, fast.completion, fast.total, fast.reasoningTokens, fast.cached);
            }
            hasData = fast.hasData;
            finished = fast.finished;
            hasError = fast.hasError;
            errorCode = fast.errorCode;
            return true;
        }
        try (JsonParser p = JSON.createParser(bytes, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                failure = "not a JSON object";
                return false;
            }
            boolean objectIsError = false;
            int topCode = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "choices" -> readChoices(p, t);
                    case "usage" -> usage = t == JsonToken.START_OBJECT ? readUsage(p) : usage;
                    case "metrics" -> {
                        if (t == JsonToken.START_OBJECT) specDecode = SpecDecodeReader.readMetrics(p);
                        else p.skipChildren();
                    }
                    case "data" -> {
                        hasData = t != JsonToken.VALUE_NULL;
                        p.skipChildren();
                    }
                    case "error" -> readError(p, t);
                    case "object" -> {
                        if (t == JsonToken.VALUE_STRING) objectIsError = "error".equals(p.getText());
                        p.skipChildren();
                    }
                    case "message" -> {
                        if (t == JsonToken.VALUE_STRING) topMessage = p.getText();
                        p.skipChildren();
                    }
                    case "code" -> topCode = intOr(p, t);
                    default -> p.skipChildren();
                }
            }
            if (!hasError && objectIsError) {
                hasError = true;
                errorMessage = topMessage == null ? "" : topMessage;
                errorCode = topCode;
            }
            return true;
        } catch (IOException e) {
            content = null;
            reasoning = null;
            usage = null;
            specDecode = null;
            hasData = finished = hasError = false;
            errorMessage = null;
            topMessage = null;
            errorCode = -1;
            failure = e instanceof JsonProcessingException j ? firstLine(j.getOriginalMessage()) : String.valueOf(e.getMessage());
            return false;
        }
    }

    /** Jackson's message without its source excerpt. */
    private static String firstLine(String message) {
        if (message == null) return "malformed JSON";
        String m = message.lines().findFirst().orElse(message);
        int source = m.indexOf(" (start marker at");
        return source > 0 ? m.substring(0, source) : m;
    }

    /** {@code error}: null is none; a string is the message; an object gives message and code; anything else counts too. */
    private void readError(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return;
        hasError = true;
        errorMessage = "";
        errorCode = -1;
        if (t == JsonToken.VALUE_STRING) {
            errorMessage = p.getText();
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("message".equals(name) && v == JsonToken.VALUE_STRING) errorMessage = p.getText();
            else if ("code".equals(name)) errorCode = intOr(p, v);
            else p.skipChildren();
        }
    }


    /** The content without copying it: valid until the next {@link #parse}. */
    @Override
    public CharSequence contentChars() {
        if (fromFast) return fast.hasContent ? fast.content : null;
        return content;
    }

    /** The reasoning text without copying it: valid until the next {@link #parse}. */
    @Override
    public CharSequence reasoningChars() {
        if (fromFast) return fast.hasReasoning ? fast.reasoning : null;
        return reasoning;
    }
    @Override
    public Usage usage() { return usage; }
    @Override
    public SpecDecodeStats specDecode() { return fromFast ? null : specDecode; }
    @Override
    public boolean hasData() { return hasData; }

    /** True when {@code choices[0].finish_reason} was set (not null): the generation ended. */
    @Override
    public boolean finished() { return finished; }

    /** True when the document carries a server error ({@code error}, or {@code "object":"error"}). */
    @Override
    public boolean hasError() { return hasError; }

    /** The server's error message ("" when it gave none); valid until the next {@link #parse}. */
    @Override
    public String errorMessage() {
        if (!hasError) return null;
        return fromFast ? fast.errorMessage.toString() : errorMessage;
    }

    /** A top-level {@code message} string (OpenAI's error event data), or null. */
    @Override
    public String topLevelMessage() {
        if (fromFast) return fast.hasTopMessage ? fast.topMessage.toString() : null;
        return topMessage;
    }

    /** The server's integer error code, or -1. */
    @Override
    public int errorCode() { return errorCode; }

    /** Why the last {@link #parse} returned false, e.g. "Unexpected end-of-input ..."; null after a success. */
    @Override
    public String failure() { return failure; }

    private void readChoices(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (("delta".equals(name) || "message".equals(name)) && v == JsonToken.START_OBJECT) {
                    readMessage(p);
                } else if ("text".equals(name) && v == JsonToken.VALUE_STRING) {
                    content = p.getText();
                } else if ("finish_reason".equals(name)) {
                    finished = v != JsonToken.VALUE_NULL;
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
            }
        } else if (first != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        if (first == JsonToken.END_ARRAY) return;
        // skip the remaining choices
        JsonToken rest;
        while ((rest = p.nextToken()) != JsonToken.END_ARRAY && rest != null) p.skipChildren();
    }

    private void readMessage(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_STRING) {
                switch (name) {
                    case "content" -> content = p.getText();
                    case "reasoning_content" -> reasoning = p.getText();
                    case "reasoning" -> {
                        if (reasoning == null) reasoning = p.getText();
                    }
                    default -> { }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static Usage readUsage(JsonParser p) throws IOException {
        int prompt = -1, completion = -1, total = -1, reasoningTokens = -1, cached = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = intOr(p, v);
                case "completion_tokens" -> completion = intOr(p, v);
                case "total_tokens" -> total = intOr(p, v);
                case "completion_tokens_details" -> {
                    int r = nestedInt(p, v, "reasoning_tokens");
                    if (r >= 0) reasoningTokens = r;
                }
                case "prompt_tokens_details" -> {
                    int c = nestedInt(p, v, "cached_tokens");
                    if (c >= 0) cached = c;
                }
                case "reasoning_tokens" -> {
                    int r = intOr(p, v);
                    if (r >= 0) reasoningTokens = r;
                }
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, total, reasoningTokens, cached);
    }

    private static int intOr(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) return p.getIntValue();
        p.skipChildren();
        return -1;
    }

    private static int nestedInt(JsonParser p, JsonToken v, String field) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return -1;
        }
        int out = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals(name)) out = intOr(p, t);
            else p.skipChildren();
        }
        return out;
    }
}
