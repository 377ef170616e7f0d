package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.config.SpecException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a config file the way {@code profile -f} and every {@code config} subcommand do: YAML with positions,
 * {@code ${VAR}}/{@code ${VAR:default}} substitution, then {@code {{ expr }}} templates over {@code variables}, the
 * envelope ({@link ConfigEnvelope}), AIPerf's shorthands, key normalisation and binding to the one model.
 * Every problem is a {@link SpecException} whose message starts with {@code file:line:column}.
 */
public final class ConfigLoader {
    private final Function<String, String> env;

    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader reading environment variables through {@code env} (tests pass a map). */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /** Loads with substitution and templates. */
    public LoadedConfig load(Path file) {
        return load(file, true);
    }

    /**
     * @param interpolate false: leave {@code ${VAR}} and {@code {{ }}} unresolved; values holding them are left out of
     *                    the model (their structure is still checked) and listed as warnings
     */
    public LoadedConfig load(Path file, boolean interpolate) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file + ": file not found; check the path given to -f/--config");
        } catch (IOException e) {
            throw new SpecException(file + ": cannot read (" + e.getMessage() + "); check the path and its permissions");
        }
        return load(text, file.toString(), interpolate);
    }

    public LoadedConfig load(String text, String source, boolean interpolate) {
        PositionedYaml yaml = PositionedYaml.parse(text, source);
        JsonNode root = yaml.root();
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new SpecException(source + ": the file is empty; write a benchmark config (redline config init prints one)");
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new SpecException(source + ": expected a mapping of keys at the top level, got " + root.getNodeType().name().toLowerCase());
        }
        List<String> warnings = new ArrayList<>();
        List<String> uninterpolated = new ArrayList<>();
        Map<String, Object> variables = Map.of();
        if (interpolate) {
            new EnvSubstitution(env, yaml).apply(obj);
            variables = new ConfigTemplates(yaml).render(obj);
        } else {
            dropInterpolated(obj, "", yaml, warnings, uninterpolated);
        }
        if (ConfigEnvelope.isEnvelope(obj) && obj.get("plot") instanceof TextNode plotFile) obj.set("plot", plotSection(plotFile, source, yaml));
        ObjectNode body = ConfigEnvelope.isEnvelope(obj) && obj.get("benchmark") instanceof ObjectNode b ? b : obj;
        ConfigEnvelope envelope = ConfigEnvelope.bind(obj, yaml);
        if (interpolate) envelope.setVariables(variables.isEmpty() ? null : new java.util.LinkedHashMap<>(variables));
        return new LoadedConfig(envelope, body, yaml, warnings, uninterpolated);
    }

    /** AIPerf's {@code plot: ./plots.yaml} form: the plot section read from that file (relative to this one). */
    private static JsonNode plotSection(TextNode path, String source, PositionedYaml yaml) {
        Path base = Path.of(source).toAbsolutePath().getParent();
        Path file = base == null ? Path.of(path.asText()) : base.resolve(path.asText());
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SpecException(yaml.describe(path) + ": plot: cannot read the plot file " + file + "; give an existing"
                    + " YAML file (relative to " + source + ") or inline the plot section", path);
        }
        JsonNode plot = PositionedYaml.parse(text, file.toString()).root();
        if (!(plot instanceof ObjectNode)) {
            throw new SpecException(file + ": a plot file holds a mapping (visualization, settings, experiment_classification)");
        }
        return plot;
    }

    /** Removes values holding ${...} or {{ }} (cannot be type-checked unresolved) and notes each one. */
    private static void dropInterpolated(JsonNode n, String path, PositionedYaml yaml, List<String> warnings, List<String> dropped) {
        if (n instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(obj)) {
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (interpolated(e.getValue())) {
                    warnings.add(yaml.describe(e.getValue()) + ": " + at + ": '" + e.getValue().asText() + "' not interpolated; its value was not checked");
                    obj.remove(e.getKey());
                    dropped.add(at);
                } else {
                    dropInterpolated(e.getValue(), at, yaml, warnings, dropped);
                }
            }
        } else if (n instanceof ArrayNode arr) {
            for (int i = arr.size() - 1; i >= 0; i--) {
                if (interpolated(arr.get(i))) {
                    warnings.add(yaml.describe(arr.get(i)) + ": " + path + "[" + i + "]: '" + arr.get(i).asText() + "' not interpolated; its value was not checked");
                    arr.remove(i);
                    dropped.add(path);
                } else {
                    dropInterpolated(arr.get(i), path + "[" + i + "]", yaml, warnings, dropped);
                }
            }
        }
    }

    private static boolean interpolated(JsonNode n) {
        return n instanceof TextNode t && (t.asText().contains("${") || t.asText().contains("{{") || t.asText().contains("{%"));
    }
}
