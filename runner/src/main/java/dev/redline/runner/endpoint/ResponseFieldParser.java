package dev.redline.runner.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.BadInputException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * Reads the answers of the user-defined types (template, raw): with a {@code response_field} JMESPath expression,
 * its result; without one, AIPerf's auto-detection: embeddings ({@code data[].embedding}, {@code embeddings},
 * {@code embedding}), then rankings ({@code rankings}, {@code results}), then text ({@code text}, {@code content},
 * {@code response}, {@code output}, {@code result}, or the OpenAI choices). A string is generated text; a list of
 * numbers or of lists is embeddings and a list of objects rankings (results without text). Their streams may just end.
 */
final class ResponseFieldParser extends TreeResponseParser {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    private static final String[] TEXT_FIELDS = {"text", "content", "response", "output", "result"};

    private final Expression<JsonNode> field;

    /** @param expression the response_field JMESPath, or null to auto-detect */
    ResponseFieldParser(Expression<JsonNode> expression) {
        this.field = expression;
    }

    /** Compiles a response_field; a bad expression is bad input, reported before any request. */
    static Expression<JsonNode> compile(Object expression) {
        if (expression == null) return null;
        String text = String.valueOf(expression);
        try {
            return JMESPATH.compile(text);
        } catch (RuntimeException e) {
            throw new BadInputException("--extra-inputs response_field: '" + text + "' is not a JMESPath expression ("
                    + e.getMessage() + "); write e.g. response_field:data[0].embedding");
        }
    }

    @Override
    protected boolean acceptsArray() { return true; }

    @Override
    protected String read(JsonNode root) {
        if (field != null) {
            JsonNode value = field.search(root);
            if (value == null || value.isNull() || value.isMissingNode()) {
                // a stream's bookkeeping events (role, usage) match nothing; they are not content
                usage = usageOf(root.get("usage"));
                return null;
            }
            return take(value);
        }
        if (root.isArray()) return take(root);
        usage = usageOf(root.get("usage"));
        JsonNode data = root.get("data");
        if (data != null && data.isArray() && data.size() > 0 && data.get(0).has("embedding")) return result(data.size());
        for (String f : new String[] {"embeddings", "embedding", "rankings", "results"}) {
            JsonNode v = root.get(f);
            if (v != null && v.isArray()) return result(Math.max(1, v.size()));
        }
        for (String f : TEXT_FIELDS) {
            JsonNode v = root.get(f);
            if (v != null && (v.isTextual() || v.isArray())) return take(v);
        }
        JsonNode choice = root.path("choices").path(0);
        for (JsonNode v : new JsonNode[] {choice.get("text"), choice.path("message").get("content"), choice.path("delta").get("content")}) {
            if (v != null && v.isTextual()) return take(v);
        }
        if (choice.path("finish_reason").isTextual()) finished = true;
        return null;
    }

    private String take(JsonNode value) {
        if (value.isTextual()) {
            content.append(value.asText());
            return null;
        }
        if (value.isArray()) {
            boolean allText = value.size() > 0;
            for (JsonNode v : value) allText &= v.isTextual();
            if (allText) {
                for (JsonNode v : value) content.append(v.asText());
                return null;
            }
            return result(Math.max(1, value.size()));
        }
        if (value.isNumber() || value.isObject() || value.isBoolean()) return result(1);
        return null;
    }

    private String result(int n) {
        hasData = true;
        items = n;
        return null;
    }

    @Override
    public boolean streamNeedsEndMarker() { return false; }
}
