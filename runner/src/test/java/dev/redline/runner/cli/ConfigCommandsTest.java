package dev.redline.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.redline.runner.config.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code redline config} subcommand on every template: Redline's own (config/templates, as {@code config init}
 * writes them) and AIPerf 0.13's bundled templates read unchanged (test resources). The AIPerf ones Redline refuses
 * must say why in one line.
 */
class ConfigCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    /** AIPerf templates Redline refuses, with a word of the reason. */

    @TempDir Path dir;

    static CliRun run(String... args) {
        return CliRun.of(RedlineCli.commandLine(), args);
    }

    static Stream<String> ourTemplates() {
        return TemplateCatalog.builtin().all().stream().map(TemplateCatalog.Template::name);
    }

    static Path aiperfDir() {
        try {
            return Path.of(ConfigCommandsTest.class.getResource("/dev/redline/runner/config/aiperf-0.13-templates/minimal.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> aiperfTemplates() throws Exception {
        try (Stream<Path> files = Files.list(aiperfDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ourTemplates")
    void everySubcommandOnOurTemplate(String name) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        CliRun init = run("config", "init", "--template", name, "-o", file.toString());
        assertEquals(0, init.code(), init.err());
        assertEquals(TemplateCatalog.builtin().find(name).text(), Files.readString(file), "init -o writes the template as shipped");
        CliRun printed = run("config", "init", "-t", name);
        assertEquals(Files.readString(file), printed.out());
        everySubcommand(file, true);
        CliRun custom = run("config", "init", "-t", name, "-m", "my/model", "-u", "http://replica:9000");
        if (name.equals("multi_url_load_balancing")) { // several URLs: -u cannot say which to replace
            assertEquals(2, custom.code(), custom.err());
            assertTrue(custom.err().contains("several URLs"), custom.err());
            return;
        }
        assertEquals(0, custom.code(), custom.err());
        Path customFile = dir.resolve(name + "-custom.yaml");
        Files.writeString(customFile, custom.out());
        CliRun shown = run("config", "show", customFile.toString(), "--format", "json");
        assertEquals(0, shown.code(), shown.err());
        JsonNode bench = JSON.readTree(shown.out()).get("benchmark");
        assertEquals("my/model", bench.get("models").get(0).asText(), "init -m puts the model in");
        assertTrue(bench.get("endpoint").get("url").asText().startsWith("http://replica:9000"), "init -u puts the URL in: " + bench.get("endpoint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aiperfTemplates")
    void everySubcommandOnAiperfsTemplate(String name) throws Exception {
        Path file = aiperfDir().resolve(name);
        everySubcommand(file, false);
    }

    /** validate (plain, --no-interpolate, --strict), show yaml/json, diff with itself and with another, expand. */
    private void everySubcommand(Path file, boolean ours) throws Exception {
        CliRun v = run("config", "validate", file.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("valid"), v.out());
        boolean warned = v.err().contains("warning:");
        CliRun strict = run("config", "validate", "--strict", file.toString());
        assertEquals(warned ? 1 : 0, strict.code(), "--strict fails exactly when there are warnings: " + strict.err());
        CliRun raw = run("config", "validate", "--no-interpolate", "--config-file", file.toString());
        assertEquals(0, raw.code(), raw.err());
        if (Files.readString(file).contains("${")) assertTrue(raw.err().contains("not interpolated"), raw.err());

        CliRun yaml = run("config", "show", file.toString());
        assertEquals(0, yaml.code(), yaml.err());
        JsonNode shown = YAML.readTree(yaml.out());
        assertEquals("2.0", shown.get("schemaVersion").asText());
        JsonNode bench = shown.get("benchmark");
        assertTrue(bench.get("endpoint").has("type") && bench.get("endpoint").has("path") && bench.has("phases")
                && bench.get("dataset").has("type"), "defaults filled: " + bench);
        assertTrue(bench.at("/networkLatency/enabled").isBoolean() && bench.at("/networkLatency/pingInterval").isNumber(),
                "network-latency defaults filled (AIPerf's input_config shows them too): " + bench.get("networkLatency"));
        CliRun json = run("config", "show", file.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertEquals(shown, JSON.readTree(json.out()), "yaml and json show the same tree");
        // the shown config is itself a valid config that resolves to the same thing
        Path again = dir.resolve("shown-" + file.getFileName());
        Files.writeString(again, yaml.out());
        CliRun same = run("config", "diff", file.toString(), again.toString());
        assertEquals(0, same.code(), "a file and its resolved form do not differ: " + same.out() + same.err());
        assertTrue(same.out().contains("no differences"));

        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "benchmark:\n  models: [someone/else]\n  phases: [{type: concurrency, concurrency: 3, requests: 7}]\n");
        CliRun diff = run("config", "diff", file.toString(), other.toString(), "--format", "json");
        assertEquals(1, diff.code(), diff.err());
        JsonNode diffs = JSON.readTree(diff.out());
        assertTrue(diffs.isArray() && !diffs.isEmpty());
        boolean modelDiffers = false;
        for (JsonNode d : diffs) modelDiffers |= d.get("path").asText().equals("benchmark.models[0]");
        assertTrue(modelDiffers, diff.out());

        CliRun expand = run("config", "expand", file.toString(), "--format", "json");
        assertEquals(0, expand.code(), expand.err());
        assertTrue(JSON.readTree(expand.out()).get("runs").asInt() >= 1);
    }

    /** AIPerf's plot envelope in a config file: the sweep runs and is plotted once, its own pareto preset included. */
    @Test
    void aPlotSectionAutoPlotsTheSweepWithItsPresets() throws Exception {
        try (var mock = dev.redline.runner.mock.MockServer.start(new dev.redline.runner.mock.MockServerOptions().port(0).dcgmPort(0)
                .ttftMs(2).itlMs(0.1))) {
            Path out = dir.resolve("sweep");
            Path file = dir.resolve("plotted.yaml");
            Files.writeString(file, """
                    schemaVersion: "2.0"
                    benchmark:
                      model: m
                      endpoint: {url: "%s", type: chat, streaming: true}
                      tokenizer: {name: "%s"}
                      dataset: {type: synthetic, entries: 8, prompts: {isl: 32, osl: 8}}
                      phases: {type: concurrency, concurrency: 1, requests: 6}
                      artifacts: {dir: "%s"}
                    sweep: {type: grid, parameters: {concurrency: [1, 2]}}
                    plot:
                      visualization:
                        multi_run_defaults: [pareto_throughput_vs_latency]
                        multi_run_plots:
                          pareto_throughput_vs_latency:
                            type: pareto
                            x: {metric: request_latency, stat: avg}
                            y: {metric: output_token_throughput, stat: avg}
                    """.formatted(mock.baseUrl(), System.getProperty("redline.test.tokenizer"), out));
            CliRun v = run("config", "validate", file.toString());
            assertEquals(0, v.code(), v.err());
            CliRun shown = run("config", "show", file.toString(), "--format", "json");
            JsonNode bench = JSON.readTree(shown.out()).get("benchmark");
            assertEquals("pareto", bench.at("/plot/visualization/multiRunPlots/pareto_throughput_vs_latency/type").asText(), "plot is benchmark.plot");
            assertTrue(bench.at("/artifacts/autoPlot").asBoolean(), "a plot section turns auto-plot on");
            assertFalse(JSON.readTree(shown.out()).has("plot"), "one model: no second plot section");
            CliRun p = run("profile", "--config", file.toString(), "--ui-type", "none", "--no-sweep-table", "--no-gpu-telemetry");
            assertEquals(0, p.code(), p.err());
            assertTrue(Files.isRegularFile(out.resolve("plots/pareto_throughput_vs_latency.png")), "the preset is drawn: " + listing(out));
        }
    }

    /** config generate writes the file profile would run with the same flags; profile -f runs it. */
    @Test
    void generateWritesTheConfigTheFlagsDescribe() throws Exception {
        try (var mock = dev.redline.runner.mock.MockServer.start(new dev.redline.runner.mock.MockServerOptions().port(0).dcgmPort(0)
                .ttftMs(2).itlMs(0.1))) {
            String tokenizer = System.getProperty("redline.test.tokenizer");
            Path file = dir.resolve("generated.yaml");
            CliRun g = run("config", "generate", "-m", "my/model", "--url", mock.baseUrl(), "--streaming", "--concurrency", "3",
                    "--request-count", "7", "--isl", "40", "--osl", "6", "--tokenizer", tokenizer, "--system-prompt", "Be terse.",
                    "--artifact-dir", dir.resolve("run").toString(), "-o", file.toString());
            assertEquals(0, g.code(), g.err());
            assertEquals(0, run("config", "validate", file.toString()).code());
            JsonNode bench = JSON.readTree(run("config", "show", file.toString(), "--format", "json").out()).get("benchmark");
            assertEquals("my/model", bench.at("/models/0").asText());
            assertTrue(bench.at("/endpoint/streaming").asBoolean());
            JsonNode profiling = null;
            for (JsonNode ph : bench.get("phases")) if (ph.path("kind").asText("profiling").equals("profiling")) profiling = ph;
            assertEquals(3, profiling.get("concurrency").asInt(), bench.toString());
            assertEquals(7, profiling.get("requests").asInt());
            assertEquals(40, bench.at("/dataset/prompts/isl/mean").asInt());
            assertEquals("Be terse.", bench.at("/dataset/systemPrompt").asText());
            CliRun p = run("profile", "-f", file.toString(), "--ui-type", "none", "--no-gpu-telemetry");
            assertEquals(0, p.code(), p.err());
            JsonNode summary = JSON.readTree(dir.resolve("run/profile_export_redline.json").toFile());
            assertEquals(7, summary.at("/request_count/avg").asInt(), "the generated file runs the flags' benchmark");

            Path sweep = dir.resolve("sweep.yaml");
            assertEquals(0, run("config", "generate", "-m", "m", "--concurrency", "1,2,4", "--num-profile-runs", "2", "-o", sweep.toString()).code());
            JsonNode expanded = JSON.readTree(run("config", "expand", sweep.toString(), "--format", "json").out());
            assertEquals(3, expanded.get("variations").asInt(), expanded.toString());
            assertEquals(6, expanded.get("runs").asInt(), "a list flag is a sweep, --num-profile-runs its trials");
            CliRun bad = run("config", "generate", "-m", "m", "--concurrency", "0");
            assertEquals(2, bad.code());
            assertEquals(1, bad.err().strip().lines().count(), bad.err());
            assertTrue(bad.err().contains("--concurrency"), bad.err());
        }
    }

    private static String listing(Path dir) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return String.join(", ", all.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList());
        }
    }

    @Test
    void initListsSearchesAndFilters() {
        CliRun list = run("config", "init", "--list");
        assertEquals(0, list.code());
        for (TemplateCatalog.Template t : TemplateCatalog.builtin().all()) assertTrue(list.out().contains(t.name()), t.name());
        CliRun search = run("config", "init", "--search", "plot");
        assertTrue(search.out().contains("sweep_with_plot") && !search.out().contains("minimal "), search.out());
        CliRun category = run("config", "init", "--list", "--category", "Sweep & Multi-Run");
        assertTrue(category.out().contains("sweep_distributions") && !category.out().contains("fixed_schedule"), category.out());
        CliRun unknown = run("config", "init", "-t", "minimla");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("minimal"), "suggests the closest name: " + unknown.err());
        CliRun speedBench = run("config", "init", "-t", "speed_bench_sweep");
        assertEquals(0, speedBench.code(), speedBench.err());
        assertTrue(speedBench.out().contains("speed_bench_writing"), "AIPerf's SPEED-Bench sweep is offered: " + speedBench.out());
    }

    @Test
    void everyAiperfTemplateHasARedlineTemplate() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Iterator<String> it = aiperfTemplates().iterator(); it.hasNext(); ) {
            String name = it.next().replace(".yaml", "");
            if (TemplateCatalog.builtin().find(name) == null) missing.add(name);
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void schemaCoversEveryKeyOfEveryTemplate() throws Exception {
        Path out = dir.resolve("schema.json");
        CliRun s = run("config", "schema", "--output", out.toString());
        assertEquals(0, s.code(), s.err());
        JsonNode schema = JSON.readTree(out.toFile());
        assertEquals("object", schema.get("type").asText());
        JsonNode benchmark = schema.get("properties").get("benchmark");
        assertTrue(benchmark.get("properties").has("endpoint") && benchmark.get("properties").has("phases"));
        for (String key : List.of("schemaVersion", "benchmark", "sweep", "multiRun", "variables", "plot", "randomSeed")) {
            assertTrue(schema.get("properties").has(key), key);
        }
        // each template's resolved benchmark uses only keys the schema names
        for (String name : ourTemplates().toList()) {
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, TemplateCatalog.builtin().find(name).text());
            JsonNode shown = JSON.readTree(run("config", "show", file.toString(), "--format", "json").out());
            List<String> unknown = new ArrayList<>();
            keysIn(shown.get("benchmark"), benchmark, "benchmark", unknown);
            assertEquals(List.of(), unknown, name);
        }
        assertFalse(JSON.writeValueAsString(schema).contains("\"status\""), "cluster-only fields are left out");
    }

    private static void keysIn(JsonNode value, JsonNode schema, String path, List<String> unknown) {
        if (schema == null) return;
        if (value.isObject() && schema.has("properties")) {
            value.fields().forEachRemaining(e -> {
                JsonNode sub = schema.get("properties").get(e.getKey());
                if (sub == null) unknown.add(path + "." + e.getKey());
                else keysIn(e.getValue(), sub, path + "." + e.getKey(), unknown);
            });
        } else if (value.isArray() && schema.has("items")) {
            for (JsonNode v : value) keysIn(v, schema.get("items"), path + "[]", unknown);
        }
    }
}
