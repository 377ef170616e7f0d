package dev.redline.runner.kube;

import dev.redline.runner.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code redline kube results}: the results ConfigMaps of a resource, as files a local run would have written. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Download the results of a Benchmark (its results ConfigMap), a Sweep or a Search (each child Benchmark into a folder of its own). Exit 1 when there are none yet.")
public class KubeResultsCommand extends KubeRefCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Directory to write into (default: ./artifacts/<name>).")
    Path output;

    @Option(names = {"-v", "--variation"}, paramLabel = "N", description = "Only variation N (0-based) of a Sweep, or iteration N of a Search.")
    Integer variation;

    @Option(names = {"-t", "--trial"}, paramLabel = "T", description = "Only trial T (0-based) of the variation; needs -v.")
    Integer trial;

    @Option(names = {"-a", "--all"}, description = "Every key of the results ConfigMap: summary, error, artifacts, samples (the default).")
    boolean all;

    @Option(names = "--summary-only", description = "Only the summary (summary.json/.csv and their profile_export_redline names).")
    boolean summaryOnly;

    @Option(names = "--run", paramLabel = "N", description = "A past run of a Benchmark (status.history) instead of the latest.")
    Integer run;

    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        if (variation != null && variation < 0) throw new BadInputException("-v/--variation " + variation + ": give 0 or more");
        if (trial != null && trial < 0) throw new BadInputException("-t/--trial " + trial + ": give 0 or more");
        if (all && summaryOnly) throw new BadInputException("--all and --summary-only: give one of them");
        if (run != null && run < 1) throw new BadInputException("--run " + run + ": runs count from 1 (status.history)");
        String dirName = variation == null ? ref.name() : ref.name() + "-v" + variation + (trial == null ? "" : "-t" + trial);
        Path dir = output != null ? output : Path.of("artifacts", dirName);
        ResultsDownload.download(conn, ref, dir, new ResultsDownload.Selection(variation, trial, run, summaryOnly), out);
        return 0;
    }
}
