package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.api.v1alpha1.LoadType;
import dev.redline.api.v1alpha1.SweepType;
import dev.redline.runner.dataset.file.CustomDatasetType;
import dev.redline.runner.export.ExportPlugins;
import dev.redline.runner.mock.MockServer;
import dev.redline.runner.mock.MockServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code redline plugins} lists the registry the runner dispatches on: what it lists is what runs. */
class PluginsCommandTest {
    static final String TOKENIZER = System.getProperty("redline.test.tokenizer");

    @TempDir Path dir;

    private static List<String> lines(String category) {
        CliRun r = category == null ? CliRun.of(RedlineCli.commandLine(), "plugins") : CliRun.of(RedlineCli.commandLine(), "plugins", "--category", category);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().toList();
    }

    private static boolean lists(List<String> lines, String category, String name) {
        return lines.stream().anyMatch(l -> l.matches(category + "\\s+" + java.util.regex.Pattern.quote(name) + "\\s+\\S.*"));
    }

    @Test
    void everyCategoryListsWhatTheCodeDispatchesOn() {
        List<String> all = lines(null);
        for (String c : List.of("endpoint", "dataset", "exporter", "timing", "planner", "search_planner", "recipe")) {
            assertTrue(all.stream().anyMatch(l -> l.startsWith(c + " ")), "category " + c + " in:\n" + String.join("\n", all));
        }
        for (EndpointType t : List.of(EndpointType.CHAT, EndpointType.COMPLETIONS, EndpointType.EMBEDDINGS)) assertTrue(lists(all, "endpoint", t.wireName()), t.wireName());
        for (LoadType t : LoadType.values()) assertTrue(lists(all, "timing", t.wireName()), "timing " + t.wireName());
        for (SweepType t : SweepType.values()) assertTrue(lists(all, "planner", t.wireName()), "planner " + t.wireName());
        assertTrue(lists(all, "planner", "base"));
        for (var p : dev.redline.api.v1alpha1.AdaptiveSearchSpec.Planner.values()) {
            assertTrue(lists(all, "search_planner", p.wireName()), "search planner " + p.wireName());
        }
        for (String r : dev.redline.plan.search.recipe.SearchRecipes.NAMES) assertTrue(lists(all, "recipe", r), "recipe " + r);
        assertFalse(all.stream().anyMatch(l -> l.contains("none registered")), String.join("\n", all));
        for (CustomDatasetType t : CustomDatasetType.values()) assertTrue(lists(all, "dataset", t.wireName()), "dataset " + t.wireName());
        for (String e : List.of("json", "csv", "outputs_json")) assertTrue(lists(all, "exporter", e), "exporter " + e);
    }

    @Test
    void oneCategoryByRedlinesOrAiperfsName() {
        List<String> endpoints = lines("endpoint");
        assertFalse(endpoints.isEmpty());
        assertTrue(endpoints.stream().allMatch(l -> l.startsWith("endpoint ")), String.join("\n", endpoints));
        assertEquals(lines("dataset"), lines("custom_dataset_loader"), "AIPerf's category name");
        assertEquals(lines("timing"), lines("timing_strategy"));
        assertEquals(lines("recipe"), lines("search_recipe"));
        assertEquals(8, lines("search_recipe").size(), "AIPerf 0.13's eight recipes");
        CliRun positional = CliRun.of(RedlineCli.commandLine(), "plugins", "exporters");
        assertEquals(lines("exporter"), positional.out().lines().toList());
        CliRun bad = CliRun.of(RedlineCli.commandLine(), "plugins", "--category", "widgets");
        assertEquals(RedlineCli.BAD_INPUT, bad.code());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("unknown plugin category 'widgets'") && bad.err().contains("endpoint, dataset"), bad.err());
    }

    /** A plugin registered in the category is listed, and the run writes through it: there is no second list. */
    @Test
    void aRegisteredExporterIsListedAndRun() throws Exception {
        String model = "plugins-test-model";
        ExportPlugins.EXPORTERS.register("plugins_test_marker", "marker file for PluginsCommandTest",
                new ExportPlugins.Exporter(s -> s.getModels() != null && s.getModels().contains(model),
                        e -> Files.writeString(e.dir().resolve("marker.txt"), e.spec().getModels().get(0), StandardCharsets.UTF_8)));
        assertTrue(lists(lines("exporter"), "exporter", "plugins_test_marker"));
        try (MockServer mock = MockServer.start(new MockServerOptions().port(0).dcgmPort(0).ttftMs(1).itlMs(0.05))) {
            Path out = dir.resolve("run");
            CliRun r = CliRun.of(RedlineCli.commandLine(), "profile", "-m", model, "--url", mock.baseUrl(), "--request-count", "3",
                    "--tokenizer", TOKENIZER, "--artifact-dir", out.toString(), "--ui-type", "none", "--log-level", "warn",
                    "--no-server-metrics", "--no-gpu-telemetry");
            assertEquals(0, r.code(), r.err());
            assertEquals(model, Files.readString(out.resolve("marker.txt")));
            assertTrue(Files.isRegularFile(out.resolve("profile_export_redline.json")), Arrays.toString(out.toFile().list()));
        }
    }
}
