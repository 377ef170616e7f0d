package dev.redline.runner.cli;

import dev.redline.runner.endpoint.Endpoints;
import dev.redline.runner.dataset.file.DatasetPlugins;
import dev.redline.runner.experiment.PlannerPlugins;
import dev.redline.runner.export.ExportPlugins;
import dev.redline.runner.load.TimingPlugins;
import dev.redline.runner.plugin.PluginRegistry;
import dev.redline.runner.search.SearchPlugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code redline plugins [CATEGORY]}: what is registered in the plugin registry the runner dispatches on, one line
 * per plugin. AIPerf's category names (custom_dataset_loader, data_exporter, timing_strategy, ...) are accepted.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the registered endpoint types, dataset loaders, exporters, timing modes, planners, search planners and recipes.")
public class PluginsCommand implements Callable<Integer> {
    /** AIPerf's category names (snake_case of its titles) onto Redline's. */
    static final Map<String, String> AIPERF_CATEGORIES = Map.of(
            "custom_dataset_loader", "dataset", "public_dataset_loader", "dataset", "dataset_composer", "dataset",
            "data_exporter", "exporter", "timing_strategy", "timing", "arrival_pattern", "timing",
            "search_recipe", "recipe");

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CATEGORY", description = "Only this category (as --category).")
    String positional;

    @Option(names = {"-c", "--category"}, paramLabel = "endpoint|dataset|exporter|timing|planner|search_planner|recipe",
            description = "Only this category. Default: all.")
    String category;

    /** Makes every built-in plugin register (each category's holder registers its own on first use). */
    static void loadBuiltins() {
        List.of(Endpoints.ENDPOINTS, DatasetPlugins.DATASETS, ExportPlugins.EXPORTERS, TimingPlugins.TIMING,
                PlannerPlugins.PLANNERS, SearchPlugins.SEARCH_PLANNERS, SearchPlugins.RECIPES);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String asked = category != null ? category : positional;
        List<String> show = PluginRegistry.CATEGORIES;
        if (asked != null) {
            String c = asked.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            c = AIPERF_CATEGORIES.getOrDefault(c, c);
            if (c.endsWith("s") && PluginRegistry.CATEGORIES.contains(c.substring(0, c.length() - 1))) c = c.substring(0, c.length() - 1);
            if (!PluginRegistry.CATEGORIES.contains(c)) {
                err.println("redline: unknown plugin category '" + asked + "'; use one of " + String.join(", ", PluginRegistry.CATEGORIES));
                return RedlineCli.BAD_INPUT;
            }
            show = List.of(c);
        }
        loadBuiltins();
        int width = 0;
        for (String c : show) for (String n : PluginRegistry.category(c).names()) width = Math.max(width, n.length());
        for (String c : show) {
            List<PluginRegistry.Plugin<Object>> plugins = PluginRegistry.<Object>category(c).plugins();
            if (plugins.isEmpty()) {
                out.println(String.format(Locale.ROOT, "%-9s %-" + Math.max(1, width) + "s  %s", c, "-", "(none registered in this build)"));
            }
            for (PluginRegistry.Plugin<Object> p : plugins) {
                out.println(String.format(Locale.ROOT, "%-9s %-" + width + "s  %s", c, p.name(), p.description()));
            }
        }
        return 0;
    }
}
