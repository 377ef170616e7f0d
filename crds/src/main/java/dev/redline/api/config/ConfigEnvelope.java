package dev.redline.api.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.api.v1alpha1.SweepSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A config file in AIPerf's schema 2.0 shape: the {@code benchmark} body plus what wraps it ({@code sweep},
 * {@code multi_run}/{@code multiRun}, {@code random_seed}, {@code no_sweep_table}). A file that is a bare
 * benchmark spec (the older form) reads as an envelope with only {@code benchmark}. Keys may be snake_case
 * or camelCase; unknown keys are rejected with a suggestion. {@code variables} are the values {@code {{ expr }}}
 * templates were rendered over (the runner's config loader renders them before binding; kept here so that
 * {@code config show} and run-time templates see them). AIPerf's top-level {@code plot} section is the benchmark's
 * {@code plot} (one model): binding moves it there, and, as in AIPerf, it turns {@code artifacts.autoPlot} on unless
 * the file sets it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "randomSeed", "benchmark", "sweep", "multiRun", "noSweepTable", "variables", "plot"})
public class ConfigEnvelope {
    public static final String SCHEMA_VERSION = "2.0";
    /** Top-level keys that only an envelope has; any of them (or {@code benchmark}) marks a file as one. */
    static final List<String> ENVELOPE_KEYS = List.of("schemaVersion", "schema_version", "benchmark", "sweep", "multiRun",
            "multi_run", "noSweepTable", "no_sweep_table", "variables");

    @JsonPropertyDescription("Config schema version; \"2.0\" (AIPerf's).")
    private String schemaVersion;
    @JsonPropertyDescription("The benchmark (the same model as a Benchmark resource's spec).")
    private BenchmarkSpec benchmark;
    @JsonPropertyDescription("What to vary across runs.")
    private SweepSpec sweep;
    @JsonPropertyDescription("Trials per variation and their confidence statistics.")
    private MultiRunSpec multiRun;
    @JsonPropertyDescription("Base random seed of the experiment (variation i uses seed + i).")
    private Long randomSeed;
    @JsonPropertyDescription("Do not print the live sweep table.")
    private Boolean noSweepTable;
    @JsonPropertyDescription("Named values for {{ expr }} templates anywhere in the file (Jinja syntax); a variable may use earlier ones.")
    private java.util.Map<String, Object> variables;
    /** Only while binding: {@link #bind} moves it into the benchmark (no getter, so it is never written back). */
    @JsonPropertyDescription("AIPerf's plot section: read as benchmark.plot.")
    private dev.redline.api.v1alpha1.PlotSpec plot;
    /** {@code sweep: {type: adaptive_search, ...}}: bound as its own model, not as a SweepSpec. */
    @JsonIgnore
    private AdaptiveSearchSpec search;

    public String getSchemaVersion() { return schemaVersion; }
    public void setSchemaVersion(String schemaVersion) { this.schemaVersion = schemaVersion; }
    public BenchmarkSpec getBenchmark() { return benchmark; }
    public void setBenchmark(BenchmarkSpec benchmark) { this.benchmark = benchmark; }
    public SweepSpec getSweep() { return sweep; }
    public void setSweep(SweepSpec sweep) { this.sweep = sweep; }
    public MultiRunSpec getMultiRun() { return multiRun; }
    public void setMultiRun(MultiRunSpec multiRun) { this.multiRun = multiRun; }
    public Long getRandomSeed() { return randomSeed; }
    public void setRandomSeed(Long randomSeed) { this.randomSeed = randomSeed; }
    public Boolean getNoSweepTable() { return noSweepTable; }
    public void setNoSweepTable(Boolean noSweepTable) { this.noSweepTable = noSweepTable; }

    @com.fasterxml.jackson.annotation.JsonProperty("plot")
    void setPlot(dev.redline.api.v1alpha1.PlotSpec plot) { this.plot = plot; }

    public java.util.Map<String, Object> getVariables() { return variables; }
    public void setVariables(java.util.Map<String, Object> variables) { this.variables = variables; }
    @JsonIgnore
    public AdaptiveSearchSpec getSearch() { return search; }
    @JsonIgnore
    public void setSearch(AdaptiveSearchSpec search) { this.search = search; }

    /** The benchmark, created when absent so that CLI flags can fill it in. */
    public BenchmarkSpec benchmark() {
        if (benchmark == null) benchmark = new BenchmarkSpec();
        return benchmark;
    }

    public MultiRunSpec multiRun() {
        if (multiRun == null) multiRun = new MultiRunSpec();
        return multiRun;
    }

    /** The experiment's seed: {@code random_seed}, else the benchmark's {@code randomSeed}, else none. */
    public Long resolvedSeed() {
        return randomSeed != null ? randomSeed : benchmark == null ? null : benchmark.getRandomSeed();
    }

    public static ConfigEnvelope read(Path file) {
        return read(SpecReader.text(file), file.toString());
    }

    /** Reads an envelope, or a bare benchmark spec as one. */
    public static ConfigEnvelope read(String text, String source) {
        return bind(SpecReader.tree(text, source), SourceLocator.of(source));
    }

    /** Whether a parsed file is an envelope (has any envelope key) rather than a bare benchmark spec. */
    public static boolean isEnvelope(ObjectNode root) {
        return ENVELOPE_KEYS.stream().anyMatch(root::has);
    }

    /**
     * Binds a parsed file (an envelope, or a bare benchmark spec as one); the benchmark body goes through
     * {@link SpecReader#bindFile} (AIPerf's shorthands, key checks). Messages start with where the node is.
     */
    public static ConfigEnvelope bind(ObjectNode root, SourceLocator at) {
        if (!isEnvelope(root)) {
            ConfigEnvelope bare = new ConfigEnvelope();
            bare.setBenchmark(SpecReader.bindFile(root, at));
            return bare;
        }
        AdaptiveSearchSpec search = null;
        JsonNode sweep = root.get("sweep");
        if (sweep instanceof ObjectNode s && AdaptiveSearchSpec.SWEEP_TYPE.equals(s.path("type").asText())) {
            root.remove("sweep");
            s.remove("type");
            search = SpecReader.bind(s, node -> at.describe(node) + ": sweep", AdaptiveSearchSpec.class); // keys are relative to sweep:
        }
        JsonNode body = root.remove("benchmark");
        ConfigEnvelope env = SpecReader.bind(root, at, ConfigEnvelope.class);
        if (body != null) root.set("benchmark", body);
        env.search = search;
        if (env.schemaVersion != null && !SCHEMA_VERSION.equals(env.schemaVersion)) {
            throw new SpecException(at.describe(root.has("schemaVersion") ? root.get("schemaVersion") : root)
                    + ": schema_version '" + env.schemaVersion + "' is not supported; use \"" + SCHEMA_VERSION + "\"");
        }
        if (body == null || body.isNull()) {
            throw new SpecException(at.describe(root) + ": benchmark: missing; put the benchmark under 'benchmark:' next to sweep/multi_run (AIPerf schema 2.0)");
        }
        if (!(body instanceof ObjectNode benchmarkNode)) {
            throw new SpecException(at.describe(body) + ": benchmark: expected a mapping of benchmark settings", body);
        }
        env.benchmark = SpecReader.bindFile(benchmarkNode, at);
        if (env.plot != null) {
            if (env.benchmark.getPlot() != null) {
                throw new SpecException(at.describe(root.get("plot")) + ": plot: given at the top and under benchmark; give it once", root.get("plot"));
            }
            env.benchmark.setPlot(env.plot);
            env.plot = null;
            var artifacts = env.benchmark.artifacts();
            if (artifacts.getAutoPlot() == null) artifacts.setAutoPlot(true); // AIPerf: a plot section asks for plots
        }
        Long inner = env.benchmark.getRandomSeed();
        if (env.randomSeed != null && inner != null && !Objects.equals(env.randomSeed, inner)) {
            throw new SpecException(at.describe(root) + ": random_seed (" + env.randomSeed + ") and benchmark.random_seed (" + inner
                    + ") differ; give the seed once");
        }
        return env;
    }
}
