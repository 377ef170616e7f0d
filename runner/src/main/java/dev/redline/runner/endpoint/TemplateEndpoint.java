package dev.redline.runner.endpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.BadInputException;
import dev.redline.runner.client.ChatMessage;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.client.ResponseParser;
import dev.redline.runner.dataset.Turn;
import io.burt.jmespath.Expression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's template type: {@code --extra-inputs payload_template:TEMPLATE} is a Jinja template (inline, a file,
 * or a named one such as {@code nv-embedqa}) rendered by Jinjava per turn into the JSON body, with the variables
 * {@code text, texts, query, passages, model, max_tokens, stream, role, turn, turns}; {@code response_field}
 * (JMESPath) picks the answer's text or result, else it is auto-detected ({@link ResponseFieldParser}). The
 * other extra inputs are merged into the rendered body. A bad template or expression is reported before any
 * request is sent.
 */
final class TemplateEndpoint extends BaseEndpoint {
    static final String TEMPLATE_KEY = "payload_template";
    static final String FIELD_KEY = "response_field";
    /** Named templates for well-known APIs. */
    static final Map<String, String> NAMED = Map.of(
            "nv-embedqa", "{\"input\": {{ texts|tojson }}, \"model\": {{ model|tojson }}, \"input_type\": \"query\"}",
            "nv-rerank", "{\"model\": {{ model|tojson }}, \"query\": {\"text\": {{ query|tojson }}}, "
                    + "\"passages\": [{% for p in passages %}{\"text\": {{ p|tojson }}}{% if not loop.last %}, {% endif %}{% endfor %}]}",
            "openai-chat", "{\"model\": {{ model|tojson }}, \"messages\": [{\"role\": \"user\", \"content\": {{ text|tojson }}}], "
                    + "\"stream\": {{ stream|tojson }}{% if max_tokens %}, \"max_tokens\": {{ max_tokens }}{% endif %}}");

    private final Jinjava jinja = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false).build());
    private final String template;
    private final Expression<JsonNode> field;
    private final Map<String, Object> extras;

    TemplateEndpoint(ClientConfig config) {
        super(EndpointType.TEMPLATE, config);
        Object t = config.extraInputs().get(TEMPLATE_KEY);
        if (t == null) {
            throw new BadInputException("--endpoint-type template needs --extra-inputs payload_template:TEMPLATE "
                    + "(inline Jinja, a file, or one of " + String.join(", ", NAMED.keySet()) + ")");
        }
        this.template = resolve(String.valueOf(t));
        this.field = ResponseFieldParser.compile(config.extraInputs().get(FIELD_KEY));
        this.extras = new LinkedHashMap<>(config.extraInputs());
        extras.remove(TEMPLATE_KEY);
        extras.remove(FIELD_KEY);
        RenderResult check = jinja.renderForResult(template, variables(Turn.ofText("x", 1, 1), "model", List.of()));
        for (TemplateError e : check.getErrors()) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new BadInputException("--extra-inputs payload_template: " + e.getMessage() + "; fix the template");
            }
        }
    }

    /** A named template, a file's content, or the text itself. */
    private static String resolve(String value) {
        if (NAMED.containsKey(value)) return NAMED.get(value);
        if (!value.contains("{") && !value.contains("\n")) {
            Path p = Path.of(value);
            if (!Files.isRegularFile(p)) {
                throw new BadInputException("--extra-inputs payload_template: '" + value + "' is neither a template, a readable "
                        + "file, nor a named template (" + String.join(", ", NAMED.keySet()) + ")");
            }
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new BadInputException("--extra-inputs payload_template: cannot read " + value + ": " + e.getMessage());
            }
        }
        return value;
    }

    private Map<String, Object> variables(Turn turn, String model, List<ChatMessage> history) {
        Map<String, Object> v = new HashMap<>();
        String text = GenerateEndpoints.prompt(turn);
        v.put("text", text);
        v.put("texts", turn.texts());
        v.put("query", RankingsEndpoint.query(turn));
        v.put("passages", RankingsEndpoint.passages(turn));
        v.put("model", model);
        v.put("max_tokens", turn.maxTokens());
        v.put("stream", config.streaming());
        v.put("role", "user");
        Map<String, Object> t = JsonPayloads.object("texts", turn.texts(), "max_tokens", turn.maxTokens(), "role", "user");
        v.put("turn", t);
        v.put("turns", List.of(t));
        v.put("system_prompt", turn.systemPrompt());
        return v;
    }

    @Override
    public Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
        return fields(turn, model, history == null ? List.of() : history);
    }

    @Override
    protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
        String rendered = jinja.render(template, variables(turn, model, history));
        Map<String, Object> body;
        try {
            body = JsonPayloads.JSON.readValue(rendered, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new BadInputException("--extra-inputs payload_template: the rendered body is not a JSON object ("
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + "): " + abbreviate(rendered));
        }
        body.putAll(extras);
        body.putAll(turn.extra());
        return body;
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    @Override
    public ResponseParser newParser() {
        return new ResponseFieldParser(field);
    }

    /**
     * AIPerf's raw type: no formatting of its own. A turn whose text is a JSON object is sent verbatim (a
     * raw-payload dataset line); any other text goes as {@code {"model", "prompt", "stream"}}. Answers are read
     * like the template type's.
     */
    static final class Raw extends BaseEndpoint {
        private final Expression<JsonNode> field;

        Raw(ClientConfig config) {
            super(EndpointType.RAW, config);
            this.field = ResponseFieldParser.compile(config.extraInputs().get(FIELD_KEY));
        }

        @Override
        public Map<String, Object> payload(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> body = fields(turn, model, history);
            config.extraInputs().forEach((k, v) -> {
                if (!FIELD_KEY.equals(k)) body.put(k, v);
            });
            body.putAll(turn.extra());
            return body;
        }

        @Override
        protected Map<String, Object> fields(Turn turn, String model, List<ChatMessage> history) {
            Map<String, Object> verbatim = JsonPayloads.objectIn(GenerateEndpoints.prompt(turn));
            if (verbatim != null) return verbatim;
            Map<String, Object> body = JsonPayloads.object("model", model, "prompt", GenerateEndpoints.prompt(turn));
            body.put("stream", config.streaming());
            putIfSet(body, "max_tokens", turn.maxTokens());
            return body;
        }

        @Override
        public ResponseParser newParser() {
            return new ResponseFieldParser(field);
        }
    }
}
