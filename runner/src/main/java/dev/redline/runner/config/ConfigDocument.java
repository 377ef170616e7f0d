package dev.redline.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecException;
import dev.redline.api.validate.Suggestions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of a config file. AIPerf's schemaVersion 2.0 envelope ({@code schemaVersion}, {@code benchmark},
 * {@code variables}, {@code randomSeed}, {@code sweep}, {@code multiRun}, {@code plot}, {@code noSweepTable}) or, for
 * a file without {@code benchmark}/{@code schemaVersion}, Redline's flat form where the whole file is the benchmark
 * body. The envelope's {@code randomSeed} and {@code plot} move into the benchmark body (one model); {@code sweep},
 * {@code multiRun} and {@code noSweepTable} are kept for the experiment layer, which runs the benchmark once per
 * variation and trial.
 */
public final class ConfigDocument {
    /** Envelope keys in camelCase. */
    static final List<String> ENVELOPE = List.of("schemaVersion", "benchmark", "variables", "randomSeed", "sweep",
            "multiRun", "plot", "noSweepTable");

    private final ObjectNode benchmark;
    private final Map<String, JsonNode> experiment;
    private final boolean envelope;

    private ConfigDocument(ObjectNode benchmark, Map<String, JsonNode> experiment, boolean envelope) {
        this.benchmark = benchmark;
        this.experiment = experiment;
        this.envelope = envelope;
    }

    /** Whether the root is an envelope: it has benchmark or schemaVersion (in any spelling). */
    static boolean isEnvelope(ObjectNode root) {
        for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(root)) {
            String k = ConfigTrees.camel(e.getKey());
            if (k.equals("benchmark") || k.equals("schemaVersion")) return true;
        }
        return false;
    }

    static ConfigDocument split(ObjectNode root, PositionedYaml at) {
        if (!isEnvelope(root)) return new ConfigDocument(root, Map.of(), false);
        ObjectNode benchmark = null;
        JsonNode seed = null;
        JsonNode plot = null;
        Map<String, JsonNode> experiment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : ConfigTrees.entries(root)) {
            String k = ConfigTrees.camel(e.getKey());
            JsonNode v = e.getValue();
            switch (k) {
                case "schemaVersion" -> checkVersion(v, at);
                case "benchmark" -> {
                    if (!(v instanceof ObjectNode b)) throw new SpecException(at.describe(v) + ": benchmark: expected a mapping of benchmark settings", v);
                    benchmark = b;
                }
                case "variables" -> {
                    if (!v.isObject()) throw new SpecException(at.describe(v) + ": variables: expected a mapping of names to values", v);
                }
                case "randomSeed" -> seed = v;
                case "plot" -> plot = v;
                case "sweep", "multiRun", "noSweepTable" -> experiment.put(k, v);
                default -> throw new SpecException(at.describe(v) + ": " + e.getKey() + ": unknown top-level key"
                        + Suggestions.didYouMean(k, ENVELOPE) + "; known keys: " + String.join(", ", ENVELOPE), v);
            }
        }
        if (benchmark == null) {
            throw new SpecException(at.describe(root) + ": the file has no benchmark section; put the benchmark settings under benchmark:", root);
        }
        if (seed != null) {
            JsonNode inner = benchmark.get("randomSeed") != null ? benchmark.get("randomSeed") : benchmark.get("random_seed");
            if (inner != null && !inner.equals(seed)) {
                throw new SpecException(at.describe(inner) + ": randomSeed is set at the top (" + seed + ") and in benchmark ("
                        + inner + "); keep one", inner);
            }
            if (inner == null) benchmark.set("randomSeed", seed);
        }
        if (plot != null) benchmark.set("plot", plot);
        return new ConfigDocument(benchmark, experiment, true);
    }

    private static void checkVersion(JsonNode v, PositionedYaml at) {
        String s = v.asText();
        if (!(s.equals("2.0") || s.equals("2"))) {
            throw new SpecException(at.describe(v) + ": schemaVersion '" + s + "' is not supported; write schemaVersion: \"2.0\"", v);
        }
    }

    /** The benchmark body (after {@link dev.redline.api.config.SpecReader#bindFile} its keys are the model's). */
    public ObjectNode benchmark() { return benchmark; }

    /** The experiment sections present ({@code sweep}, {@code multiRun}, {@code noSweepTable}), by camelCase key. */
    public Map<String, JsonNode> experiment() { return experiment; }

    /** Whether the file used the schemaVersion 2.0 envelope. */
    public boolean isEnvelope() { return envelope; }
}
