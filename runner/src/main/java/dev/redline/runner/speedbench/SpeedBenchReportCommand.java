package dev.redline.runner.speedbench;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code redline speed-bench-report PATHS...}: AIPerf's {@code speed-bench-report}, over Redline's or AIPerf's runs. */
@Command(name = "speed-bench-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Assemble per-category SPEED-Bench / spec_al_* runs (one profile per category) into a model x category "
                + "matrix of acceptance length, acceptance rate or throughput, as a table and a CSV.")
public final class SpeedBenchReportCommand implements Callable<Integer> {
    /** AIPerf exits 1 when no run directory or no result is found. */
    static final int NO_RESULTS = 1;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATHS",
            description = "Run directories, or directories whose subdirectories are runs (Redline's or AIPerf's exports).")
    List<Path> paths;

    @Option(names = "--output", paramLabel = "FILE", description = "CSV file to write (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("speed_bench_report.csv");

    @Option(names = "--format", paramLabel = "csv|table|both", description = "What to produce (default: ${DEFAULT-VALUE}).")
    String format = "both";

    @Option(names = "--metric", paramLabel = "accept_length|accept_rate|throughput",
            description = "The matrix's figure (default: ${DEFAULT-VALUE}).")
    String metric = "accept_length";

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("csv", "table", "both").contains(f)) {
            throw new BadInputException("--format " + format + " is not one of csv, table, both");
        }
        SpeedBenchReport.Metric m;
        try {
            m = SpeedBenchReport.Metric.valueOf(metric.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--metric " + metric + " is not one of accept_length, accept_rate, throughput");
        }
        try {
            new SpeedBenchReport(out, err).generate(paths, output, f, m);
            return 0;
        } catch (SpeedBenchReport.ReportError e) {
            err.println("Error: " + e.getMessage() + ".");
            err.flush();
            return NO_RESULTS;
        }
    }
}
