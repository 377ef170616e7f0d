package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redline plot on the command line: its files, its config file, and every bad input as one line with exit 2. */
class PlotCommandTest {
    @TempDir Path dir;

    private Path run(String name, String endpointType, int concurrency) throws IOException {
        return run(name, endpointType, concurrency, 10, concurrency);
    }

    private Path run(String name, String endpointType, int concurrency, double latencyMs, double throughput) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("profile_export_redline.json"), """
                {"schema_version": "1.5", "input_config": {"models": ["m"], "endpoint": {"type": "%s"}, "phases": [{"concurrency": %d}]},
                 "time_to_first_token": {"unit": "ms", "avg": %d, "p50": 1, "p90": 2, "p95": 3, "p99": 4},
                 "request_latency": {"unit": "ms", "avg": %s, "p50": 1, "p90": 2, "p95": 3, "p99": 4},
                 "request_throughput": {"unit": "requests/sec", "avg": %s}}""".formatted(endpointType, concurrency, concurrency * 3, latencyMs, throughput));
        Files.write(d.resolve("profile_export.jsonl"), List.of(
                "{\"metadata\":{\"request_start_ns\":1000,\"request_end_ns\":9000000},\"metrics\":{\"time_to_first_token\":{\"value\":2},"
                        + "\"request_latency\":{\"value\":9},\"output_sequence_length\":{\"value\":4}},\"error\":null}"));
        return d;
    }

    private static void assertBadInput(String fragment, String... args) {
        CliRun r = CliRun.of(RedlineCli.commandLine(), args);
        String err = r.err().trim();
        assertEquals(2, r.code(), String.join(" ", args) + ": " + err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(fragment), "expected '" + fragment + "' in: " + err);
    }

    @Test
    void writesPngsAndTheDashboardNextToTheExports() throws IOException {
        Path a = run("a", "chat", 1);
        assertEquals(0, CliRun.of(RedlineCli.commandLine(), "plot", a.toString()).code());
        assertTrue(Files.isRegularFile(a.resolve("plots/ttft_over_time.png")));
        assertTrue(Files.isRegularFile(a.resolve("dashboard.html")));
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), run("b", "chat", 4).toString(), "--output", out.toString(),
                "--no-html", "--plot", "ttft_vs_throughput").code());
        try (var files = Files.list(out)) {
            assertEquals(List.of("ttft_vs_throughput.png"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void configFileChoosesThePlotsAndTheme() throws IOException {
        Path a = run("a", "chat", 1);
        Path config = dir.resolve("plot.yaml");
        Files.writeString(config, "plot:\n  theme: dark\n  visualization:\n    single_run_defaults: [latency_over_time]\n");
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), "--config", config.toString(), "--output", out.toString()).code());
        assertTrue(Files.readString(out.resolve("dashboard.html")).contains("data-theme=\"dark\""));
        try (var files = Files.list(out)) {
            assertEquals(List.of("dashboard.html", "latency_over_time.png"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Files.writeString(config, "plot:\n  visualization:\n    single_run_defaults: [latency_over_tim]\n");
        assertBadInput("plot.visualization.singleRunDefaults[0]: unknown plot 'latency_over_tim' (did you mean 'latency_over_time'?)",
                "plot", a.toString(), "--config", config.toString());
        Files.writeString(config, "plot:\n  colour: red\n");
        assertBadInput(config.toString(), "plot", a.toString(), "--config", config.toString());
    }

    @Test
    void badInputIsOneLineNamingThePathAndWhatWasExpected() throws IOException {
        assertBadInput(dir.resolve("missing") + ": no such directory", "plot", dir.resolve("missing").toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertBadInput(empty + ": no Redline or AIPerf exports found; expected profile_export_redline.json", "plot", empty.toString());
        Path a = run("a", "chat", 1);
        assertBadInput("--plot: unknown plot 'ttft_over_tme' (did you mean 'ttft_over_time'?)", "plot", a.toString(), "--plot", "ttft_over_tme");
        assertBadInput("'pareto_curve_throughput_per_gpu_vs_latency' is a multi-run plot", "plot", a.toString(),
                "--plot", "pareto_curve_throughput_per_gpu_vs_latency");
        Path e = run("e", "embeddings", 2);
        assertBadInput(e + ": a embeddings run cannot be compared with the chat run", "plot", a.toString(), e.toString());
        assertBadInput("--theme: unknown theme 'blue'", "plot", a.toString(), "--theme", "blue");
        assertBadInput("--group-by", "plot", a.toString(), "--group-by", "gpu");
        Files.writeString(a.resolve("profile_export_redline.json"), "{not json");
        assertBadInput(a.resolve("profile_export_redline.json") + " is not valid JSON", "plot", a.toString());
        Files.writeString(a.resolve("profile_export_redline.json"), "{\"input_config\": {}}");
        assertBadInput("has no schema_version: not a Redline/AIPerf profile export", "plot", a.toString());
    }
    /** AIPerf's plot envelope: presets it defines are drawn when Redline can draw their type, the rest said so. */
    @Test
    void presetsTheConfigDefinesAreDrawnOrReported() throws IOException {
        Path a = run("a", "chat", 1, 10, 1);
        Path b = run("b", "chat", 4, 12, 4);
        Path c = run("c", "chat", 16, 30, 16);
        Path d = run("d", "chat", 8, 40, 2); // slower and less throughput than b: off the front
        Path config = dir.resolve("plot.yaml");
        Files.writeString(config, """
                plot:
                  visualization:
                    multi_run_defaults: [pareto_throughput_vs_latency, ttft_spread]
                    multi_run_plots:
                      pareto_throughput_vs_latency:
                        type: pareto
                        x: {metric: request_latency, stat: avg}
                        y: request_throughput_avg
                        title: "Pareto: throughput vs latency"
                      ttft_spread: {type: histogram, x: time_to_first_token_avg, y: request_throughput_avg}
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), b.toString(), c.toString(), d.toString(), "--config", config.toString(),
                "--output", out.toString(), "--no-html");
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("pareto_throughput_vs_latency.png"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(r.err().contains("plot 'ttft_spread' (type histogram) is not drawn"), r.err());
        var request = new PlotCommand();
        new CommandLine(request).parseArgs(a.toString(), b.toString(), c.toString(), d.toString(), "--config", config.toString());
        var charts = dev.redline.runner.plot.Plotter.charts(request.request(),
                dev.redline.runner.plot.discover.RunDiscovery.discover(List.of(a, b, c, d)));
        assertEquals(1, charts.size());
        var chart = charts.get(0);
        assertEquals("Pareto: throughput vs latency", chart.title());
        var front = chart.series().get(1).byStat().get("avg");
        assertEquals(List.of("a", "b", "c"), front.stream().map(p -> p.label()).toList(), "latency lower and throughput higher is better");
        assertEquals(4, chart.series().get(0).byStat().get("avg").size(), "every run is a point");
    }

    /** AIPerf's single-run preset types Redline has a plot for: request_timeline and area of the dispersed throughput. */
    @Test
    void singleRunPresetsOfTimelineAndAreaAreDrawnUnderTheirOwnNames() throws IOException {
        Path a = run("one", "chat", 2);
        Path config = dir.resolve("single.yaml");
        Files.writeString(config, """
                plot:
                  visualization:
                    single_run_defaults: [my_timeline, my_area, my_spread]
                    single_run_plots:
                      my_timeline: {type: request_timeline, x: request_start_ns, y: time_to_first_token, title: "Timeline"}
                      my_area: {type: area, x: timestamp_s, y: throughput_tokens_per_sec, title: "Dispersed"}
                      my_spread: {type: area, x: timestamp_s, y: time_to_first_token}
                """);
        var request = new PlotCommand();
        new CommandLine(request).parseArgs(a.toString(), "--config", config.toString());
        var charts = dev.redline.runner.plot.Plotter.charts(request.request(),
                dev.redline.runner.plot.discover.RunDiscovery.discover(List.of(a)));
        assertEquals(List.of("my_timeline", "my_area", "my_spread"), charts.stream().map(c -> c.id()).toList());
        var timeline = charts.get(0);
        assertEquals("Timeline", timeline.title());
        // the fixture's one request: sent at 1 us, first token 2 ms later, done at 9 ms
        var waiting = timeline.series("waiting for first token").points("avg");
        assertEquals(0.0, waiting.get(0).x(), 1e-9);
        assertEquals(0.002, waiting.get(1).x(), 1e-9);
        assertEquals(0.009 - 0.000001, timeline.series("generating").points("avg").get(1).x(), 1e-9);
        var area = charts.get(1);
        assertEquals("Dispersed", area.title());
        var tokens = area.series("output tokens/s").points("avg");
        assertEquals(4 / ((9_000_000 - 2_001_000) / 1e9), tokens.get(0).y(), 1e-6, "4 tokens over the 6.999 ms of decode");

        Path out = dir.resolve("single-out");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), "--config", config.toString(), "--output", out.toString(), "--no-html");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("my_timeline.png")) && Files.isRegularFile(out.resolve("my_area.png")), r.err());
        assertFalse(r.err().contains("not drawn"), r.err());
        var spread = charts.get(2);
        assertEquals("Time to First Token Over Time", spread.title(), "AIPerf's default title of an area");
        assertEquals(List.of(2.0), spread.series().get(0).points("avg").stream().map(p -> p.y()).toList(), "the TTFT of the one request");
    }

    /** AIPerf's default plot config, and a preset value its type cannot use: one line, exit 2, before any file is written. */
    @Test
    void aiperfsDefaultConfigIsDrawnWithoutWarningsAndBadPresetValuesAreOneLine() throws Exception {
        Path a = run("a", "chat", 1);
        Path aiperfDefault = Path.of(PlotCommandTest.class.getResource("/plot/aiperf-default-plot-config.yaml").toURI());
        Path out = dir.resolve("default-out");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), "--config", aiperfDefault.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("not drawn"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("ttft_over_time.png")));

        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "plot:\n  visualization:\n    single_run_plots:\n      gpu: {type: dual_axis, x: timestamp_s, y: throughput_tokens_per_sec}\n");
        Path none = dir.resolve("none");
        assertBadInput("plot.visualization.single_run_plots.gpu.y2: missing; a dual_axis plot needs y and y2",
                "plot", a.toString(), "--config", config.toString(), "--output", none.toString());
        assertFalse(Files.exists(none), "nothing written");
        Files.writeString(config, "plot:\n  visualization:\n    single_run_plots:\n      l: {type: scatter_with_percentiles, x: timestamp, y: latency}\n");
        assertBadInput("plot.visualization.single_run_plots.l.y: 'latency' is not a per-request metric", "plot", a.toString(), "--config", config.toString());
    }

    /** A multi-run cell's confidence aggregate, as the experiment layer writes it under {@code <cell>/aggregate/}. */
    private Path aggregate(String cell, int trials, double latency, double latencyHalf, double throughput, double throughputHalf)
            throws IOException {
        Path d = dir.resolve("sweep").resolve(cell).resolve("aggregate");
        Files.createDirectories(d);
        Files.writeString(d.resolve("profile_export_redline_aggregate.json"), """
                {"metadata": {"model": "m", "endpoint_type": "chat", "num_successful_runs": %d,
                              "variation_values": {"phases.profiling.concurrency": %s}},
                 "metrics": {
                   "request_latency_avg": {"mean": %s, "ci_low": %s, "ci_high": %s, "unit": "ms"},
                   "output_token_throughput_avg": {"mean": %s, "ci_low": %s, "ci_high": %s, "unit": "tokens/sec"}}}
                """.formatted(trials, cell.substring(cell.indexOf('_') + 1), latency, latency - latencyHalf, latency + latencyHalf,
                throughput, throughput - throughputHalf, throughput + throughputHalf));
        return d;
    }

    /** AIPerf's default latency_throughput_uncertainty preset: the means, and an ellipse through each pair of intervals. */
    @Test
    void theUncertaintyPresetDrawsEachMeanWithTheEllipseOfItsIntervals() throws IOException {
        Path a = aggregate("concurrency_4", 3, 20, 2, 400, 30);
        Path b = aggregate("concurrency_16", 3, 50, 5, 900, 60);
        Path config = dir.resolve("plot.yaml");
        Files.writeString(config, """
                plot:
                  visualization:
                    multi_run_defaults: [latency_throughput_uncertainty]
                    multi_run_plots:
                      latency_throughput_uncertainty:
                        type: latency_throughput_uncertainty
                        x: {metric: request_latency, stat: avg}
                        y: {metric: output_token_throughput, stat: avg}
                        labels: [concurrency]
                        groups: [model]
                        ci_level: 0.95
                        title: "Latency vs Throughput (Joint Uncertainty)"
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of(RedlineCli.commandLine(), "plot", a.toString(), b.toString(), "--config", config.toString(),
                "--output", out.toString(), "--no-html");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("not drawn"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("latency_throughput_uncertainty.png")), r.out() + r.err());

        var request = new PlotCommand();
        new CommandLine(request).parseArgs(a.toString(), b.toString(), "--config", config.toString());
        var charts = dev.redline.runner.plot.Plotter.charts(request.request(),
                dev.redline.runner.plot.discover.RunDiscovery.discover(List.of(a, b)));
        assertEquals(1, charts.size());
        var chart = charts.get(0);
        assertEquals("Latency vs Throughput (Joint Uncertainty)", chart.title());
        var means = chart.series().get(0).points("avg");
        assertEquals(List.of(20.0, 50.0), means.stream().map(p -> p.x()).toList());
        assertEquals(List.of(400.0, 900.0), means.stream().map(p -> p.y()).toList());
        assertEquals("concurrency_4 (3 runs)", means.get(0).label());
        var rings = chart.series().get(1).points("avg");
        // two closed rings with a break between; each spans exactly its intervals
        int cut = rings.indexOf(dev.redline.runner.plot.chart.Point.BREAK);
        assertTrue(cut > 0, "a break separates the ellipses");
        var first = rings.subList(0, cut);
        assertEquals(first.get(0), first.get(first.size() - 1), "closed");
        assertEquals(18.0, first.stream().mapToDouble(p -> p.x()).min().orElseThrow(), 1e-9);
        assertEquals(22.0, first.stream().mapToDouble(p -> p.x()).max().orElseThrow(), 1e-9);
        assertEquals(370.0, first.stream().mapToDouble(p -> p.y()).min().orElseThrow(), 1e-9);
        assertEquals(430.0, first.stream().mapToDouble(p -> p.y()).max().orElseThrow(), 1e-9);
        var second = rings.subList(cut + 1, rings.size());
        assertEquals(45.0, second.stream().mapToDouble(p -> p.x()).min().orElseThrow(), 1e-9);
        assertEquals(960.0, second.stream().mapToDouble(p -> p.y()).max().orElseThrow(), 1e-9);
    }

    @Test
    void profileFlagsSetTheSpecsPlotFields() throws IOException {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, "models: [m]\nendpoint: {url: 'http://localhost:1'}\nartifacts: {autoPlot: true}\n");
        assertEquals(Boolean.FALSE, spec("-f", file.toString(), "--no-auto-plot").getArtifacts().getAutoPlot());
        BenchmarkSpec s = spec("-m", "m", "--generate-plots", "--plot-required");
        assertEquals(Boolean.TRUE, s.getArtifacts().getAutoPlot());
        assertEquals(Boolean.TRUE, s.getArtifacts().getPlotRequired());
        assertEquals(Boolean.TRUE, spec("-f", file.toString()).getArtifacts().getAutoPlot());
    }

    private static BenchmarkSpec spec(String... args) {
        ProfileCommand cmd = new ProfileCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.buildSpec();
    }
}
