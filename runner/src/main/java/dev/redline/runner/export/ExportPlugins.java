package dev.redline.runner.export;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.plugin.PluginRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The end-of-run exporters in the plugin registry (AIPerf's data exporters): the summary JSON and CSV and
 * outputs.json. The run writes its exports by going through this category; a new export registers here.
 * (profile_export.jsonl, the raw records and inputs.json are written while the run goes, not here.)
 */
public final class ExportPlugins {
    /** What an exporter gets: the spec, where to write, the results and the finished summary JSON. */
    public record RunExport(BenchmarkSpec spec, Path dir, String prefix, BenchmarkResults results, String summaryJson,
                            OutputsJsonWriter outputs) { }

    /** Writes one export when the spec asks for it. */
    public record Exporter(Predicate<BenchmarkSpec> wanted, Writer writer) { }

    @FunctionalInterface
    public interface Writer {
        void write(RunExport e) throws IOException;
    }

    public static final PluginRegistry.Category<Exporter> EXPORTERS = PluginRegistry.category("exporter");

    static {
        EXPORTERS.register("json", "<prefix>.json: AIPerf's summary (one block per metric, input_config, run_info, phases)",
                new Exporter(s -> true, e -> Files.writeString(e.dir().resolve(e.prefix() + ".json"), e.summaryJson(), StandardCharsets.UTF_8)));
        EXPORTERS.register("csv", "<prefix>.csv: the summary table (distribution stats, then scalar metrics)",
                new Exporter(s -> true, e -> Files.writeString(e.dir().resolve(e.prefix() + ".csv"),
                        new SummaryCsvWriter().toCsv(e.results()), StandardCharsets.UTF_8)));
        EXPORTERS.register("outputs_json", "outputs.json: every request's generated text (--export-outputs-json)",
                new Exporter(s -> s.getArtifacts() != null && Boolean.TRUE.equals(s.getArtifacts().getExportOutputsJson()),
                        e -> {
                            if (e.outputs() != null) e.outputs().write(e.dir().resolve(OutputsJsonWriter.FILE_NAME));
                        }));
    }

    private ExportPlugins() { }

    /** Writes every registered export the spec asks for. */
    public static void writeAll(RunExport e) throws IOException {
        for (PluginRegistry.Plugin<Exporter> p : EXPORTERS.plugins()) {
            if (p.implementation().wanted().test(e.spec())) p.implementation().writer().write(e);
        }
    }
}
