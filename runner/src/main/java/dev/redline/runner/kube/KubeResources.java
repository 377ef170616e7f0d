package dev.redline.runner.kube;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;

/** Finding the resource a command names, and reading the status fields the commands share across the three kinds. */
public final class KubeResources {
    /** Exit code of a name that is not in the cluster (AIPerf's; {@code --ignore-not-found} makes it 0). */
    public static final int NOT_FOUND = 1;

    private KubeResources() { }

    /** A name that resolved to no resource: the commands print the message and exit {@link #NOT_FOUND}. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) { super(message); }
    }

    /**
     * The resource {@code name} (null: the last one submitted from this machine) of {@code kind} (null: whichever of
     * the three has it) in the connection's namespace, or in the remembered one when no name and no -n were given.
     */
    public static LastDeployed.Ref resolve(KubeConnection conn, String name, KubeKind kind, boolean namespaceGiven) {
        String namespace = conn.namespace();
        if (name == null) {
            LastDeployed.Ref last = LastDeployed.recall().orElseThrow(() ->
                    new BadInputException("give a NAME; nothing was submitted from this machine yet"));
            name = last.name();
            if (!namespaceGiven) namespace = last.namespace();
            if (kind == null) kind = KubeKind.parse(last.kind(), "the remembered resource's kind");
        }
        List<KubeKind> found = new ArrayList<>();
        for (KubeKind k : kind == null ? List.of(KubeKind.values()) : List.of(kind)) {
            if (get(conn, k, namespace, name) != null) found.add(k);
        }
        if (found.isEmpty()) {
            throw new NotFound("no " + (kind == null ? "Benchmark, Sweep or Search" : kind.kind()) + " named " + name + " in namespace " + namespace);
        }
        if (found.size() > 1) {
            throw new BadInputException(name + " is a " + String.join(" and a ", found.stream().map(KubeKind::kind).toList())
                    + " in namespace " + namespace + "; give --kind " + String.join("|", found.stream().map(KubeKind::toString).toList()));
        }
        return new LastDeployed.Ref(found.get(0).kind(), namespace, name);
    }

    public static HasMetadata get(KubeConnection conn, KubeKind kind, String namespace, String name) {
        return KubeApi.call(conn, () -> conn.client().resources(kind.type()).inNamespace(namespace).withName(name).get());
    }

    public static HasMetadata get(KubeConnection conn, LastDeployed.Ref ref) {
        return get(conn, KubeKind.parse(ref.kind(), "kind"), ref.namespace(), ref.name());
    }

    /** Every resource of {@code kind} in {@code namespace} (null: all namespaces). */
    public static List<? extends HasMetadata> list(KubeConnection conn, KubeKind kind, String namespace) {
        return KubeApi.call(conn, () -> namespace == null
                ? conn.client().resources(kind.type()).inAnyNamespace().list().getItems()
                : conn.client().resources(kind.type()).inNamespace(namespace).list().getItems());
    }

    public static String phase(HasMetadata r) {
        Object p = null;
        if (r instanceof Benchmark b && b.getStatus() != null) p = b.getStatus().getPhase();
        if (r instanceof Sweep s && s.getStatus() != null) p = s.getStatus().getPhase();
        if (r instanceof Search s && s.getStatus() != null) p = s.getStatus().getPhase();
        return p == null ? "Pending" : p.toString();
    }

    /** Progress in words: requests done of total (or seconds of duration) for a Benchmark, the operator's line for the others. */
    public static String progress(HasMetadata r) {
        if (r instanceof Benchmark b) {
            var p = b.getStatus() == null ? null : b.getStatus().getProgress();
            if (p == null) return "";
            if (p.getRequestsTotal() != null && p.getRequestsTotal() > 0) {
                return (p.getRequestsCompleted() == null ? 0 : p.getRequestsCompleted()) + "/" + p.getRequestsTotal() + " requests";
            }
            if (p.getDurationSeconds() != null && p.getDurationSeconds() > 0) {
                return String.format(java.util.Locale.ROOT, "%.0f/%.0fs", p.getElapsedSeconds() == null ? 0 : p.getElapsedSeconds(), p.getDurationSeconds());
            }
            return p.getRequestsCompleted() == null ? "" : p.getRequestsCompleted() + " requests";
        }
        String s = r instanceof Sweep sw && sw.getStatus() != null ? sw.getStatus().getProgress()
                : r instanceof Search se && se.getStatus() != null ? se.getStatus().getProgress() : null;
        return s == null ? "" : s;
    }

    /** The conditions of any of the three kinds. */
    public static List<Condition> conditions(HasMetadata r) {
        List<Condition> c = null;
        if (r instanceof Benchmark b && b.getStatus() != null) c = b.getStatus().getConditions();
        if (r instanceof Sweep s && s.getStatus() != null) c = s.getStatus().getConditions();
        if (r instanceof Search s && s.getStatus() != null) c = s.getStatus().getConditions();
        return c == null ? List.of() : c;
    }

    /**
     * Why a resource failed or what it waits for: the message of its Failed condition, else of the first false one.
     */
    public static String message(HasMetadata r) {
        List<Condition> cs = conditions(r);
        for (Condition c : cs) {
            if ("Failed".equals(c.getType()) && "True".equals(c.getStatus()) && c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        }
        for (Condition c : cs) if ("False".equals(c.getStatus()) && c.getMessage() != null && !c.getMessage().isBlank()) return c.getMessage();
        return "";
    }
}
