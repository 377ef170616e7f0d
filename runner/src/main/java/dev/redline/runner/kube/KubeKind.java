package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Locale;

/** The three Redline resources {@code redline kube} acts on, and the phases each ends in. */
public enum KubeKind {
    BENCHMARK("Benchmark", Benchmark.class),
    SWEEP("Sweep", Sweep.class),
    SEARCH("Search", Search.class);

    private final String kind;
    private final Class<? extends HasMetadata> type;

    KubeKind(String kind, Class<? extends HasMetadata> type) {
        this.kind = kind;
        this.type = type;
    }

    public String kind() { return kind; }
    public Class<? extends HasMetadata> type() { return type; }

    /** {@code --kind} or a remembered Kind, case-insensitive. */
    public static KubeKind parse(String value, String field) {
        for (KubeKind k : values()) if (k.kind.equalsIgnoreCase(value) || k.name().equalsIgnoreCase(value)) return k;
        throw new BadInputException(field + " " + value + ": not a kind; use benchmark, sweep or search");
    }

    /** Phases after which nothing changes any more (Invalid too: the operator never retries a bad spec). */
    public static boolean terminal(String phase) {
        return phase != null && switch (phase) {
            case "Complete", "Succeeded", "Failed", "Cancelled", "Invalid" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }
}
