package dev.redline.runner.kube;

import dev.redline.api.results.ResultsConfigMap;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.RunRecord;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.runner.BadInputException;
import dev.redline.runner.export.SummaryCsvWriter;
import dev.redline.runner.export.SummaryJsonWriter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fetches results from the cluster into a directory laid out like a local run's: every key of the results ConfigMap
 * as a file, and the summary also under the local export names ({@code profile_export_redline.json/.csv}), so
 * {@code redline plot} and {@code compare} read the directory as they read a local one.
 */
public final class ResultsDownload {
    /** Which results: one child of a Sweep/Search ({@code variation}, {@code trial}), one past run of a Benchmark, summary only. */
    public record Selection(Integer variation, Integer trial, Integer run, boolean summaryOnly) {
        public static final Selection ALL = new Selection(null, null, null, false);
    }

    /** The resource has nothing to download yet: the commands print the reason and exit 1. */
    public static final class NoResults extends RuntimeException {
        public NoResults(String message) { super(message); }
    }

    private ResultsDownload() { }

    /** Downloads {@code ref}'s results into {@code dir} and returns the directory written. */
    public static Path download(KubeConnection conn, LastDeployed.Ref ref, Path dir, PrintStream out) {
        return download(conn, ref, dir, Selection.ALL, out);
    }

    public static Path download(KubeConnection conn, LastDeployed.Ref ref, Path dir, Selection sel, PrintStream out) {
        if (sel.trial() != null && sel.variation() == null) throw new BadInputException("-t/--trial needs -v/--variation: give the variation the trial belongs to");
        HasMetadata r = KubeResources.get(conn, ref);
        if (r == null) throw new KubeResources.NotFound("no " + ref.kind() + " named " + ref.name() + " in namespace " + ref.namespace());
        if (r instanceof Benchmark bm) {
            if (sel.variation() != null) throw new BadInputException("-v/--variation selects a child of a Sweep or Search; " + ref.name() + " is a Benchmark");
            benchmark(conn, bm, dir, sel, out);
            return dir;
        }
        if (sel.run() != null) throw new BadInputException("--run selects a past run of a Benchmark; " + ref.name() + " is a " + ref.kind() + " (use -v/--variation)");
        List<Benchmark> children = RunnerPods.children(conn, ref, sel.variation(), sel.trial());
        if (sel.variation() != null) {
            if (children.isEmpty()) {
                throw new NoResults(ref.kind() + " " + ref.name() + " has no child for variation " + sel.variation()
                        + (sel.trial() == null ? "" : " trial " + sel.trial()) + " (yet)");
            }
            if (children.size() > 1) {
                throw new BadInputException("variation " + sel.variation() + " of " + ref.name() + " has " + children.size() + " trials; pick one with -t/--trial");
            }
            benchmark(conn, children.get(0), dir, sel, out);
            return dir;
        }
        int written = 0;
        String own = r instanceof Sweep sw ? (sw.getStatus() == null ? null : sw.getStatus().getResultsConfigMap())
                : ((Search) r).getStatus() == null ? null : ((Search) r).getStatus().getResultsConfigMap();
        if (own != null) {
            ConfigMap cm = KubeApi.call(conn, () -> conn.client().configMaps().inNamespace(ref.namespace()).withName(own).get());
            if (cm != null && cm.getData() != null && !cm.getData().isEmpty()) {
                writeAll(dir, cm.getData(), false);
                out.println(ref.kind() + " " + ref.name() + ": wrote " + cm.getData().size() + " file(s) of ConfigMap " + own + " to " + dir);
                written++;
            }
        }
        for (Benchmark child : children) {
            try {
                benchmark(conn, child, dir.resolve(child.getMetadata().getName()), sel, out);
                written++;
            } catch (NoResults e) {
                out.println("skipped: " + e.getMessage());
            }
        }
        if (written == 0) {
            throw new NoResults(ref.kind() + " " + ref.name() + " has no results yet (phase " + KubeResources.phase(r) + ", "
                    + children.size() + " child Benchmark(s))");
        }
        return dir;
    }

    private static void benchmark(KubeConnection conn, Benchmark bm, Path dir, Selection sel, PrintStream out) {
        String name = bm.getMetadata().getName();
        String cmName = configMapName(bm, sel.run());
        ConfigMap cm = cmName == null ? null
                : KubeApi.call(conn, () -> conn.client().configMaps().inNamespace(bm.getMetadata().getNamespace()).withName(cmName).get());
        Map<String, String> data = cm == null ? null : cm.getData();
        String summary = data == null ? null : data.get(ResultsConfigMap.SUMMARY_JSON);
        if (summary == null || summary.isBlank()) {
            String why = cmName == null ? "no results ConfigMap in its status" : cm == null ? "ConfigMap " + cmName + " does not exist" : "ConfigMap " + cmName + " has no " + ResultsConfigMap.SUMMARY_JSON;
            throw new NoResults("Benchmark " + name + (sel.run() == null ? "" : " run " + sel.run()) + " has no results yet (phase "
                    + KubeResources.phase(bm) + "; " + why + ")");
        }
        int files = writeAll(dir, data, sel.summaryOnly());
        out.println("Benchmark " + name + ": wrote " + files + " file(s) to " + dir);
        for (String uri : ResultsConfigMap.read(cmName, data).objectStoreUris()) out.println("  artifact: " + uri);
        String error = data.get(ResultsConfigMap.ERROR);
        if (error != null && !error.isBlank()) out.println("  runner error: " + error.strip());
    }

    /** The results ConfigMap of the current run, or of {@code run} (status.history; else the operator's {@code <name>-results-<run>}). */
    static String configMapName(Benchmark bm, Integer run) {
        var st = bm.getStatus();
        if (run == null) return st == null ? null : st.getResultsConfigMap();
        if (st != null && run.equals(st.getRun())) return st.getResultsConfigMap();
        if (st != null && st.getHistory() != null) {
            for (RunRecord rec : st.getHistory()) {
                if (run.equals(rec.getRun()) && rec.getResultsConfigMap() != null) return rec.getResultsConfigMap();
            }
        }
        return bm.getMetadata().getName() + "-results-" + run;
    }

    private static int writeAll(Path dir, Map<String, String> data, boolean summaryOnly) {
        Map<String, String> files = new TreeMap<>();
        data.forEach((k, v) -> {
            if (!summaryOnly || k.equals(ResultsConfigMap.SUMMARY_JSON) || k.equals(ResultsConfigMap.SUMMARY_CSV)) files.put(k, v);
        });
        // the local run's names, so the directory reads like a local output directory
        if (data.containsKey(ResultsConfigMap.SUMMARY_JSON)) files.put(SummaryJsonWriter.FILE_NAME, data.get(ResultsConfigMap.SUMMARY_JSON));
        if (data.containsKey(ResultsConfigMap.SUMMARY_CSV)) files.put(SummaryCsvWriter.FILE_NAME, data.get(ResultsConfigMap.SUMMARY_CSV));
        try {
            Files.createDirectories(dir);
            for (var e : files.entrySet()) {
                // a key is a ConfigMap key ([-._a-zA-Z0-9]+), so it cannot leave dir
                Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new BadInputException("-o/--output " + dir + ": cannot write there (" + e.getMessage() + ")");
        }
        return files.size();
    }
}
