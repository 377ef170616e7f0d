package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Theme;
import dev.redline.runner.plot.data.GpuSample;
import dev.redline.runner.plot.data.GpuSamplesReader;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.RecordsReader;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.RunData;
import dev.redline.runner.plot.data.RunLoader;
import dev.redline.runner.plot.data.SearchHistory;
import dev.redline.runner.plot.data.SearchHistoryReader;
import dev.redline.runner.plot.data.ServerMetricSeries;
import dev.redline.runner.plot.data.ServerMetricsReader;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.data.TimeSliceData;
import dev.redline.runner.plot.data.TimeSliceReader;
import dev.redline.runner.plot.discover.Discovery;
import dev.redline.runner.plot.discover.ExportNames;
import dev.redline.runner.plot.discover.PlotMode;
import dev.redline.runner.plot.discover.RunDir;
import dev.redline.runner.plot.discover.RunDiscovery;
import dev.redline.runner.plot.html.DashboardWriter;
import dev.redline.runner.plot.multi.MultiRunPlots;
import dev.redline.runner.plot.png.PngRenderer;
import dev.redline.runner.plot.single.SingleRunPlots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code redline plot}: finds the runs, loads them, builds the charts of the mode (single run, or
 * multi-run/sweep/search) and writes plots/&lt;chart&gt;.png and dashboard.html.
 */
public final class Plotter {
    private Plotter() { }

    /** Builds the charts without writing anything. */
    public static List<Chart> charts(PlotRequest request, Discovery found) {
        PlotSpec spec = request.spec();
        RunLoader loader = new RunLoader(spec.getExperimentClassification());
        String where = request.paths().get(0).toString();
        if (found.mode() == PlotMode.SINGLE_RUN) {
            SingleRunData data = loadSingle(found.single(), loader);
            List<String> names = PlotSelection.choose(found.mode(), request.plots(), spec.visualization().getSingleRunDefaults(),
                    PresetPlots.names(spec, found.mode()), where);
            List<PlotBuilder<SingleRunData>> builders = new ArrayList<>(SingleRunPlots.all());
            builders.addAll(PresetPlots.overOneRun(spec));
            List<Chart> charts = build(builders, names, data);
            if (charts.isEmpty()) {
                throw new BadInputException(found.single().path() + ": nothing to plot: no per-request records (" + ExportNames.RECORDS
                        + ", --export-level records) and no time slices (--slice-duration) for the plots chosen");
            }
            return charts;
        }
        List<RunData> runs = new ArrayList<>();
        for (RunDir r : found.runs()) runs.add(loader.load(r));
        checkCompatible(runs);
        List<SearchHistory> searches = found.searches().stream().map(SearchHistoryReader::read).toList();
        MultiRunData data = new MultiRunData(runs, spec.resolvedGroupBy(), searches);
        List<String> names = PlotSelection.choose(found.mode(), request.plots(), spec.visualization().getMultiRunDefaults(),
                PresetPlots.names(spec, found.mode()), where);
        List<PlotBuilder<MultiRunData>> builders = new ArrayList<>(MultiRunPlots.all());
        builders.addAll(PresetPlots.acrossRuns(spec));
        List<Chart> charts = build(builders, names, data);
        if (charts.isEmpty()) {
            throw new BadInputException(where + ": nothing to plot across " + runs.size() + " runs: they share no metric the plots chosen need");
        }
        return charts;
    }

    public static PlotResult run(PlotRequest request) throws IOException {
        Discovery found = RunDiscovery.discover(request.paths());
        List<Chart> charts = charts(request, found);
        Theme theme = Theme.of(request.spec().resolvedTheme());
        List<Path> pngs = new ArrayList<>();
        if (request.spec().pngEnabled()) {
            Files.createDirectories(request.pngDir());
            PngRenderer png = new PngRenderer(theme);
            for (Chart c : charts) {
                Path file = request.pngDir().resolve(c.id() + ".png");
                png.write(c, file);
                pngs.add(file);
            }
        }
        Path dashboard = null;
        if (request.spec().htmlEnabled()) {
            Files.createDirectories(request.htmlDir());
            dashboard = new DashboardWriter(theme).write(request.htmlDir(), title(found), subtitle(found), charts);
        }
        return new PlotResult(found.mode(), charts, pngs, dashboard, PresetPlots.notDrawn(request.spec(), found.mode()));
    }

    private static SingleRunData loadSingle(RunDir dir, RunLoader loader) {
        RunData run = loader.load(dir);
        List<RequestPoint> requests = dir.records() == null ? List.of() : RecordsReader.read(dir.records());
        Path slicesFile = ExportNames.first(dir.path(), ExportNames.TIMESLICES);
        List<TimeSliceData> slices = slicesFile == null ? List.of() : TimeSliceReader.read(slicesFile);
        Path samples = ExportNames.ifPresent(dir.path(), ExportNames.GPU_SAMPLES);
        List<GpuSample> gpu = samples == null ? List.of() : GpuSamplesReader.read(samples);
        Path server = ExportNames.ifPresent(dir.path(), ExportNames.SERVER_METRICS);
        List<ServerMetricSeries> serverMetrics = server == null ? List.of() : ServerMetricsReader.read(server);
        return new SingleRunData(run, requests, slices, gpu, serverMetrics);
    }

    private static <I> List<Chart> build(List<PlotBuilder<I>> builders, List<String> names, I data) {
        List<Chart> out = new ArrayList<>();
        for (PlotBuilder<I> b : builders) if (names.contains(b.name())) out.addAll(b.build(data));
        return out;
    }

    /** Runs of different endpoint types share no axes (an embeddings run has no TTFT): refuse the mix. */
    static void checkCompatible(List<RunData> runs) {
        RunData first = runs.get(0);
        for (RunData r : runs) {
            if (!r.endpointType().equals(first.endpointType())) {
                throw new BadInputException(r.path() + ": a " + r.endpointType() + " run cannot be compared with the "
                        + first.endpointType() + " run " + first.path() + "; expected runs of one endpoint type, plot them apart");
            }
        }
    }

    private static String title(Discovery found) {
        if (found.mode() == PlotMode.SINGLE_RUN) return "Redline: " + found.single().path().toAbsolutePath().normalize().getFileName();
        return "Redline: " + found.runs().size() + " runs" + (found.searches().isEmpty() ? "" : ", adaptive search");
    }

    private static String subtitle(Discovery found) {
        List<String> paths = found.runs().stream().map(r -> r.path().toString()).toList();
        return paths.size() <= 6 ? String.join(" · ", paths) : String.join(" · ", paths.subList(0, 6)) + " · … (" + paths.size() + ")";
    }
}
