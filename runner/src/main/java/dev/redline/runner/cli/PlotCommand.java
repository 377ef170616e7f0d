package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.BadInputException;
import dev.redline.runner.plot.PlotConfigFile;
import dev.redline.runner.plot.PlotRequest;
import dev.redline.runner.plot.PlotResult;
import dev.redline.runner.plot.Plotter;
import dev.redline.runner.plot.chart.Theme;
import dev.redline.runner.plot.serve.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code redline plot}: PNG plots and an offline HTML dashboard from Redline's or AIPerf's exports. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plot one run (over time) or several runs, a sweep or a search (against each other) from Redline or AIPerf exports.")
public class PlotCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

    @Parameters(paramLabel = "PATHS", arity = "0..*",
            description = "Run directories, directories of runs, sweep or search directories. Default: artifacts.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Write the PNGs and dashboard.html here. Default: <first path>/plots/*.png and <first path>/dashboard.html.")
    Path output;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Colour theme (default light).")
    String theme;

    @Option(names = "--html", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write dashboard.html, one self-contained interactive page (default on; --no-html skips it).")
    boolean html;

    @Option(names = "--png", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write plots/<chart>.png (default on; --no-png skips them).")
    boolean png;

    @Option(names = "--plot", paramLabel = "NAME", split = ",",
            description = "Draw only these plots (repeatable or comma-separated; names in docs/plots.md). Default: every plot the data allows.")
    List<String> plots = new ArrayList<>();

    @Option(names = "--group-by", paramLabel = "model|run_name|experiment_group",
            description = "One multi-run series per model (default), per run directory, or per experiment group.")
    String groupBy;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML with a plot: section (visualization defaults and AIPerf's presets, settings, experiment_classification, theme); flags override it.")
    Path config;

    @Option(names = {"--serve", "--dashboard"},
            description = "After writing, serve the dashboard over HTTP until Ctrl-C (AIPerf's --dashboard).")
    boolean serve;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address --serve listens on (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8050", description = "Port --serve listens on (default 8050; 0 = any free port).")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PlotRequest request = request();
        PlotResult result = Plotter.run(request);
        System.out.println("Plotted " + result.charts().size() + " charts (" + result.mode().name().toLowerCase().replace('_', '-') + ")");
        result.pngs().forEach(p -> System.out.println("  " + p));
        if (result.dashboard() != null) System.out.println("  " + result.dashboard());
        java.io.PrintWriter err = commandSpec == null ? new java.io.PrintWriter(System.err, true) : commandSpec.commandLine().getErr();
        result.notDrawn().forEach(w -> err.println("WARNING: " + w));
        err.flush();
        if (serve) {
            try (DashboardServer server = DashboardServer.start(request.htmlDir(), host, port)) {
                System.out.println("Serving the dashboard at http://" + host + ":" + server.port() + "/ (Ctrl-C to stop)");
                new CountDownLatch(1).await();
            }
        }
        return 0;
    }

    PlotRequest request() {
        if (port < 0 || port > 65535) throw new BadInputException("--port: " + port + " is not a port; use 1-65535, or 0 for any free port");
        PlotSpec spec = config == null ? new PlotSpec() : PlotConfigFile.read(config);
        if (theme != null) spec.setTheme(Theme.of(theme).wireName());
        if (groupBy != null) {
            if (!dev.redline.api.v1alpha1.PlotNames.GROUPS.contains(groupBy)) {
                throw new BadInputException("--group-by: unknown grouping '" + groupBy + "'; use model, run_name or experiment_group");
            }
            spec.setGroupBy(groupBy);
        }
        if (!html && serve) throw new BadInputException("--serve: needs the dashboard; drop --no-html");
        spec.setHtml(html);
        spec.setPng(png);
        if (!html && !png) throw new BadInputException("--no-html with --no-png: nothing would be written; keep one of them");
        List<Path> given = paths.isEmpty() ? List.of(Path.of("artifacts")) : paths;
        return new PlotRequest(given, output, spec, plots.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
