package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import dev.redline.api.v1alpha1.UserFileSpec;
import dev.redline.runner.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * AIPerf's {@code artifacts.userFiles}: files written into the artifact directory when the run starts, their
 * templates rendered then with the run's facts (model, endpoint_url, artifact_dir, epoch, job_name, namespace) and
 * the config's variables. A mapping is written as JSON (default) or YAML, a string as text.
 */
public final class UserFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Jinjava jinja = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build());

    /** Renders and writes every file under {@code dir}; a bad template or path is a one-line BadInputException. */
    public void write(List<UserFileSpec> files, Path dir, Map<String, Object> context) throws IOException {
        if (files == null) return;
        for (int i = 0; i < files.size(); i++) {
            UserFileSpec f = files.get(i);
            String at = "artifacts.userFiles[" + i + "]";
            Path target = dir.resolve(f.getPath()).normalize();
            if (!target.startsWith(dir.normalize())) throw new BadInputException(at + ".path: '" + f.getPath() + "' leaves the artifact directory");
            JsonNode content = render(JSON.valueToTree(f.getContent()), context, at + ".content");
            String format = f.getFormat() == null ? (content != null && content.isTextual() ? "text" : "json") : f.getFormat();
            String text = switch (format) {
                case "text" -> content == null ? "" : content.isTextual() ? content.asText() : JSON.writeValueAsString(content);
                case "yaml" -> YAML.writeValueAsString(content);
                default -> JSON.writeValueAsString(content) + "\n";
            };
            if (target.getParent() != null) Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
    }

    private JsonNode render(JsonNode n, Map<String, Object> ctx, String path) {
        if (n instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(obj)) obj.set(e.getKey(), render(e.getValue(), ctx, path + "." + e.getKey()));
            return obj;
        }
        if (n instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) arr.set(i, render(arr.get(i), ctx, path + "[" + i + "]"));
            return arr;
        }
        if (n instanceof TextNode t && (t.asText().contains("{{") || t.asText().contains("{%"))) {
            RenderResult r = jinja.renderForResult(t.asText(), ctx);
            if (!r.getErrors().isEmpty()) {
                throw new BadInputException(path + ": template '" + t.asText() + "' failed: "
                        + PositionedYaml.oneLine(r.getErrors().get(0).getMessage()));
            }
            String out = r.getOutput();
            // a value that is only a template keeps its type (a number stays a number); text with templates stays text
            return t.asText().trim().startsWith("{{") && t.asText().trim().endsWith("}}") ? Scalars.coerce(out) : TextNode.valueOf(out);
        }
        return n;
    }
}
