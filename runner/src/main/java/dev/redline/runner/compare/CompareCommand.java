package dev.redline.runner.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.api.results.ClientSaturationEvidence;
import dev.redline.api.results.ExportFormatException;
import dev.redline.api.results.ProfileExport;
import dev.redline.compare.GateMetrics;
import dev.redline.compare.MetricGate;
import dev.redline.compare.RegressionReport;
import dev.redline.compare.RegressionTest;
import dev.redline.compare.RequestSamples;
import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code redline compare BASE NEW}: the regression gate of the operator ({@code spec.baselineRef}) for CI
 * pipelines, over two run directories (Redline's or AIPerf's {@code profile_export.jsonl}, or the
 * {@code samples.json} of a results ConfigMap). Same samples, same test, same verdict as in the cluster.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compare a run with a baseline run, per request, and say whether it regressed "
                + "(bootstrap confidence interval of each gated figure's change, Mann-Whitney U).")
public class CompareCommand implements Callable<Integer> {
    /** Exit code of a regression under --fail-on-regression. */
    public static final int REGRESSED = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE",
            description = "Baseline run: a directory with profile_export.jsonl (Redline or AIPerf) or samples.json, or one of those files.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The run to judge, in the same forms.")
    Path current;

    @Option(names = "--metric", paramLabel = "TAG[:STAT]",
            description = "Gated figure, repeatable or comma-separated; STAT is avg or pNN (default p99). Default: "
                    + GateMetrics.DEFAULTS + " (those in neither run are skipped).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "PCT", defaultValue = "5",
            description = "Worsening in percent of the baseline tolerated before a figure regresses. Default 5.")
    String tolerance;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05",
            description = "1 - confidence of the one-sided bound that must clear the tolerance. Default 0.05.")
    double alpha;

    @Option(names = "--fail-on-regression", description = "Exit 1 when a figure regressed (for CI).")
    boolean failOnRegression;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Also write the comparison as JSON to FILE.")
    Path outputFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        double tol = tolerancePercent();
        List<MetricGate> gates = gates(tol);
        RegressionTest test;
        try {
            test = new RegressionTest(alpha);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--alpha: " + e.getMessage());
        }
        RequestSamples b = load(base, "BASE");
        RequestSamples n = load(current, "NEW");
        RegressionReport report = test.compare(gates, b, n, metrics.isEmpty());
        out.print(ComparisonTable.render(report, base, current));
        warnIfClientBound(base, "BASE", err);
        warnIfClientBound(current, "NEW", err);
        if (outputFile != null) write(report);
        switch (report.outcome()) {
            case Regressed -> {
                out.println("REGRESSED: " + report.summary());
                return failOnRegression ? REGRESSED : 0;
            }
            case Inconclusive -> throw new BadInputException("the runs cannot be compared: " + report.summary()
                    + "; gate on metrics both runs have (--metric) or run them longer");
            default -> {
                out.println("OK: " + report.summary());
                return 0;
            }
        }
    }

    private double tolerancePercent() {
        String t = tolerance.trim().endsWith("%") ? tolerance.trim().substring(0, tolerance.trim().length() - 1) : tolerance.trim();
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && v >= 0 && v <= 1000) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadInputException("--tolerance: '" + tolerance + "' is not a percentage between 0 and 1000 (e.g. 5 or 5%)");
    }

    private List<MetricGate> gates(double tol) {
        try {
            if (metrics.isEmpty()) return MetricGate.parseList(GateMetrics.DEFAULTS, tol);
            List<MetricGate> out = new ArrayList<>();
            for (String m : metrics) out.addAll(MetricGate.parseList(m, tol));
            return out;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--metric: " + e.getMessage());
        }
    }

    private static RequestSamples load(Path run, String which) {
        try {
            RequestSamples s = RequestSamples.load(run);
            if (s.isEmpty()) throw new BadInputException(which + ": " + run + " has no valid profiling requests to compare");
            return s;
        } catch (ExportFormatException | UncheckedIOException e) {
            throw new BadInputException(which + ": " + e.getMessage());
        }
    }

    /** The runs' own summaries, when present, say whether the load generator limited them. */
    private static void warnIfClientBound(Path run, String which, PrintWriter err) {
        if (!Files.isDirectory(run)) return;
        for (String name : List.of("profile_export_redline.json", "profile_export_aiperf.json")) {
            Path summary = run.resolve(name);
            if (!Files.isRegularFile(summary)) continue;
            try {
                ClientSaturationEvidence e = ClientSaturationEvidence.of(ProfileExport.parse(Files.readString(summary), summary.toString()));
                if (Boolean.TRUE.equals(e.saturated())) err.println("redline: warning: " + which + ": " + e.message());
            } catch (IOException | ExportFormatException ignored) {
                // the summary is evidence only; the comparison stands on the per-request values
            }
            return;
        }
    }

    private void write(RegressionReport report) {
        try {
            Path parent = outputFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Map<String, Object> doc = Map.of("baseline", base.toString(), "current", current.toString(),
                    "outcome", report.outcome().name(), "alpha", report.alpha(), "metrics", report.metrics());
            Files.writeString(outputFile, JSON.writeValueAsString(doc), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("--output-file: cannot write " + outputFile + ": " + e.getMessage());
        }
    }
}
