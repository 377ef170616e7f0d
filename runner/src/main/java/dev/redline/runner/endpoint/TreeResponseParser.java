package dev.redline.runner.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.record.Usage;

import java.io.IOException;

/**
 * The base of the parsers of the non-OpenAI shapes: reads a document as a Jackson tree (one per SSE event or
 * body; the OpenAI chat/completions path keeps its allocation-free byte scan), takes the server error an API
 * puts in a 200 answer ({@code error}, {@code "object":"error"}, {@code "type":"error"}), and hands the rest
 * to {@link #read}. State that spans the events of one stream (Anthropic's split usage) lives in subclasses;
 * one parser serves one exchange.
 */
abstract class TreeResponseParser implements ResponseParser {
    static final ObjectMapper MAPPER = new ObjectMapper();

    protected final StringBuilder content = new StringBuilder(64);
    protected final StringBuilder reasoning = new StringBuilder(64);
    protected Usage usage;
    protected boolean hasData;
    protected boolean finished;
    protected int items;
    private boolean hasError;
    private String errorMessage;
    private int errorCode;
    private String topMessage;
    private String failure;

    @Override
    public final boolean parse(byte[] bytes, int off, int len) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes, off, len);
        } catch (IOException e) {
            reset();
            failure = e instanceof JsonProcessingException j ? firstLine(j.getOriginalMessage()) : String.valueOf(e.getMessage());
            return false;
        }
        return parseTree(root);
    }

    /** Reads one document already decoded into a tree (a protobuf message made JSON-shaped by {@link ProtoJson}). */
    final boolean parseTree(JsonNode root) {
        reset();
        if (root == null || !(root.isObject() || root.isArray() && acceptsArray())) {
            failure = acceptsArray() ? "not a JSON object or array" : "not a JSON object";
            return false;
        }
        if (root.isObject()) {
            JsonNode m = root.get("message");
            if (m != null && m.isTextual()) topMessage = m.asText();
            if (readError(root)) return true;
        }
        String problem = read(root);
        if (problem != null) {
            failure = problem;
            return false;
        }
        return true;
    }

    /** Forgets the previous document (a failed decode leaves no fields set). */
    final void reset() {
        content.setLength(0);
        reasoning.setLength(0);
        usage = null;
        hasData = finished = hasError = false;
        items = 0;
        errorMessage = topMessage = failure = null;
        errorCode = -1;
    }

    /** Records why a document is not this type's shape (a message that does not decode). */
    final void failed(String why) {
        failure = why;
    }

    /**
     * Reads a document that carries no error into the fields; returns why it is not this type's shape (the
     * exchange records an invalid response), or null.
     */
    protected abstract String read(JsonNode root);

    /** Marks the document as a server error (an API's own failure event). */
    protected void serverError(String message, int code) {
        hasError = true;
        errorMessage = message == null ? "" : message;
        errorCode = code;
    }

    /** True when a top-level JSON array is a valid document (TEI's rerank answer). */
    protected boolean acceptsArray() { return false; }

    private boolean readError(JsonNode root) {
        JsonNode error = root.get("error");
        boolean typed = "error".equals(root.path("type").asText(null)) || "error".equals(root.path("object").asText(null));
        if ((error == null || error.isNull()) && !typed) return false;
        hasError = true;
        JsonNode detail = error != null && !error.isNull() ? error : root;
        if (detail.isTextual()) {
            errorMessage = detail.asText();
        } else {
            errorMessage = detail.path("message").asText(topMessage == null ? "" : topMessage);
            JsonNode code = detail.get("code");
            if (code != null && code.isInt()) errorCode = code.asInt();
        }
        return true;
    }

    /**
     * The server's token counts in any of the usual shapes: OpenAI ({@code prompt_tokens}, {@code completion_tokens},
     * {@code *_tokens_details}), Responses and Anthropic ({@code input_tokens}, {@code output_tokens},
     * {@code cache_read_input_tokens}); null when {@code u} is not an object.
     */
    static Usage usageOf(JsonNode u) {
        if (u == null || !u.isObject()) return null;
        int prompt = firstInt(u, "prompt_tokens", "input_tokens");
        int completion = firstInt(u, "completion_tokens", "output_tokens");
        int total = firstInt(u, "total_tokens");
        int reasoningTokens = firstInt(u.path("completion_tokens_details"), "reasoning_tokens");
        if (reasoningTokens < 0) reasoningTokens = firstInt(u.path("output_tokens_details"), "reasoning_tokens");
        int cached = firstInt(u.path("prompt_tokens_details"), "cached_tokens");
        if (cached < 0) cached = firstInt(u.path("input_tokens_details"), "cached_tokens");
        if (cached < 0) cached = firstInt(u, "cache_read_input_tokens");
        return new Usage(prompt, completion, total, reasoningTokens, cached);
    }

    static int firstInt(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isInt()) return v.asInt();
        }
        return -1;
    }

    /** Appends {@code n} when it is a string. */
    static void appendText(StringBuilder out, JsonNode n) {
        if (n != null && n.isTextual()) out.append(n.asText());
    }

    private static String firstLine(String message) {
        if (message == null) return "malformed JSON";
        String m = message.lines().findFirst().orElse(message);
        int source = m.indexOf(" (start marker at");
        return source > 0 ? m.substring(0, source) : m;
    }

    @Override public CharSequence contentChars() { return content.length() == 0 ? null : content; }
    @Override public CharSequence reasoningChars() { return reasoning.length() == 0 ? null : reasoning; }
    @Override public Usage usage() { return usage; }
    @Override public boolean hasData() { return hasData; }
    @Override public boolean finished() { return finished; }
    @Override public boolean hasError() { return hasError; }
    @Override public String errorMessage() { return hasError ? errorMessage : null; }
    @Override public int errorCode() { return errorCode; }
    @Override public String topLevelMessage() { return topMessage; }
    @Override public String failure() { return failure; }
    @Override public int generatedItems() { return items; }
}
