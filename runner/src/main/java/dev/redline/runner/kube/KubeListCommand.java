package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code redline kube list}: Benchmarks, Sweeps and Searches as a table. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List Benchmarks, Sweeps and Searches with their phase and progress (all namespaces unless -n is given).")
public class KubeListCommand implements Callable<Integer> {
    @Mixin KubeTarget target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only the resources of this name.")
    String name;

    @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace (the default without -n; with -n it is ignored).")
    boolean allNamespaces;

    @Option(names = "--running", description = "Only those still running (phase not yet Complete, Failed, Cancelled or Invalid).")
    boolean running;

    @Option(names = "--completed", description = "Only those Complete.")
    boolean completed;

    @Option(names = "--failed", description = "Only those Failed, Cancelled or Invalid.")
    boolean failed;

    @Option(names = {"-w", "--wide"}, description = "Also the model, the endpoint URL and the failing or waiting condition's message.")
    boolean wide;

    @Option(names = "--watch", description = "Print the table again every --interval seconds until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "S", defaultValue = "5", description = "Seconds between refreshes with --watch (default ${DEFAULT-VALUE}).")
    double interval;

    @Override
    public Integer call() throws InterruptedException {
        if (!(interval > 0)) throw new BadInputException("--interval " + interval + ": give seconds above 0");
        try (KubeConnection conn = target.connect()) {
            String ns = target.namespaceOption() == null ? null : conn.namespace();
            while (true) {
                List<Row> rows = rows(conn, ns);
                print(System.out, rows, wide, Instant.now());
                if (!watch) return 0;
                Thread.sleep((long) (interval * 1000));
                System.out.println();
            }
        }
    }

    record Row(String kind, String namespace, String name, String phase, String progress, Instant created,
               String model, String url, String message) { }

    List<Row> rows(KubeConnection conn, String ns) {
        List<Row> rows = new ArrayList<>();
        for (KubeKind kind : KubeKind.values()) {
            for (HasMetadata r : KubeResources.list(conn, kind, ns)) {
                if (name != null && !name.equals(r.getMetadata().getName())) continue;
                String phase = KubeResources.phase(r);
                if (!selected(phase)) continue;
                BenchmarkResourceSpec spec = r instanceof Benchmark b ? b.getSpec() : r instanceof Sweep s ? s.getSpec().getTemplate()
                        : r instanceof Search s ? s.getSpec().getTemplate() : null;
                String model = spec == null || spec.getModels() == null || spec.getModels().isEmpty() ? "" : String.join(",", spec.getModels());
                String url = "";
                if (spec != null && spec.getEndpoint() != null) {
                    url = spec.getEndpoint().getUrl() != null ? spec.getEndpoint().getUrl()
                            : spec.getEndpoint().getUrls() == null ? "" : String.join(",", spec.getEndpoint().getUrls());
                }
                rows.add(new Row(kind.kind(), r.getMetadata().getNamespace(), r.getMetadata().getName(), phase,
                        KubeResources.progress(r), created(r), model, url, KubeResources.message(r)));
            }
        }
        rows.sort(Comparator.comparing(Row::namespace).thenComparing(Row::kind).thenComparing(Row::name));
        return rows;
    }

    private boolean selected(String phase) {
        if (!running && !completed && !failed) return true;
        boolean terminal = KubeKind.terminal(phase);
        return running && !terminal || completed && "Complete".equals(phase)
                || failed && ("Failed".equals(phase) || "Cancelled".equals(phase) || "Invalid".equals(phase));
    }

    static void print(PrintStream out, List<Row> rows, boolean wide, Instant now) {
        if (rows.isEmpty()) {
            out.println("No Benchmarks, Sweeps or Searches found.");
            return;
        }
        List<String[]> table = new ArrayList<>();
        table.add(wide ? new String[]{"KIND", "NAMESPACE", "NAME", "PHASE", "PROGRESS", "AGE", "MODEL", "URL", "MESSAGE"}
                : new String[]{"KIND", "NAMESPACE", "NAME", "PHASE", "PROGRESS", "AGE"});
        for (Row r : rows) {
            String age = r.created() == null ? "" : age(Duration.between(r.created(), now));
            table.add(wide ? new String[]{r.kind(), r.namespace(), r.name(), r.phase(), r.progress(), age, r.model(), r.url(), r.message()}
                    : new String[]{r.kind(), r.namespace(), r.name(), r.phase(), r.progress(), age});
        }
        int[] width = new int[table.get(0).length];
        for (String[] row : table) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) line.append(" ".repeat(width[i] - row[i].length() + 3));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** kubectl's style: 45s, 12m, 3h, 2d. */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) return s + "s";
        if (s < 7200) return s / 60 + "m";
        if (s < 172800) return s / 3600 + "h";
        return s / 86400 + "d";
    }

    private static Instant created(HasMetadata r) {
        try {
            return r.getMetadata().getCreationTimestamp() == null ? null : Instant.parse(r.getMetadata().getCreationTimestamp());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
