package dev.redline.runner.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.runner.BadInputException;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code redline kube debug}: AIPerf's one-shot diagnosis of a deployment. The resource's phase and failing condition,
 * its child Benchmarks, the runner pods and what is wrong with each (unschedulable, image pull, missing Secret, OOM,
 * crash loop, non-zero exit) with the fix, recent events, the nodes, and with -v the logs of the pods in trouble.
 */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Diagnose a Benchmark, Sweep or Search: status, runner pods and their problems with the fix, events, nodes; -v adds the logs of problem pods.")
public class KubeDebugCommand extends KubeRefCommand {
    private static final int LOG_LINES = 40;
    private static final int EVENTS = 15;

    @Option(names = {"-j", "--job-id"}, paramLabel = "NAME", description = "The resource to diagnose (AIPerf's spelling of NAME).")
    String jobId;

    @Option(names = {"-v", "--verbose"}, description = "Also every event (not only warnings) and the last " + LOG_LINES + " log lines of each pod in trouble.")
    boolean verbose;

    @Option(names = "--variation", paramLabel = "N", description = "Of a Sweep or Search: only the child Benchmark of variation N (0-based).")
    Integer variation;

    @Option(names = {"-t", "--trial"}, paramLabel = "N", description = "With --variation: only that trial's child (0-based).")
    Integer trial;

    private final List<PodDiagnosis.Problem> problems = new ArrayList<>();

    @Override
    public Integer call() {
        if (jobId != null) {
            if (name != null && !name.equals(jobId)) throw new BadInputException("NAME " + name + " and --job-id " + jobId + " differ; give one");
            name = jobId;
        }
        if (trial != null && variation == null) throw new BadInputException("-t/--trial needs --variation: give the variation the trial belongs to");
        if (variation != null && variation < 0 || trial != null && trial < 0) throw new BadInputException("--variation and --trial count from 0");
        return super.call();
    }

    @Override
    protected int act(KubeConnection conn, LastDeployed.Ref ref) {
        KubeKind kind = KubeKind.parse(ref.kind(), "kind");
        if (variation != null && kind == KubeKind.BENCHMARK) {
            throw new BadInputException("--variation selects a child of a Sweep or Search; " + ref.name() + " is a Benchmark");
        }
        HasMetadata resource = KubeApi.call(conn, () -> conn.client().resources(kind.type()).inNamespace(ref.namespace()).withName(ref.name()).get());
        if (resource == null) throw new KubeResources.NotFound("no " + ref.kind() + " named " + ref.name() + " in namespace " + ref.namespace());
        out.println("Diagnostic report: " + ref.kind() + " " + ref.name() + " in namespace " + ref.namespace());
        status(ref.kind() + " " + ref.name(), json(conn, resource));

        List<String> benchmarks = new ArrayList<>();
        if (kind == KubeKind.BENCHMARK) {
            benchmarks.add(ref.name());
        } else {
            List<Benchmark> children = RunnerPods.children(conn, ref, variation, trial);
            out.println();
            out.println("child Benchmarks (" + children.size() + "):");
            for (Benchmark b : children) {
                benchmarks.add(b.getMetadata().getName());
                JsonNode child = json(conn, b);
                String phase = child.path("status").path("phase").asText("Pending");
                out.println("  " + b.getMetadata().getName() + "  " + phase);
                if (KubeKind.terminal(phase) && !"Complete".equals(phase)) status("Benchmark " + b.getMetadata().getName(), child);
            }
            if (kind == KubeKind.SWEEP) benchmarks.add(ref.name()); // a warm pool's runners belong to the Sweep itself
        }

        List<Pod> pods = RunnerPods.of(conn, ref.namespace(), benchmarks);
        out.println();
        out.println("runner pods (" + pods.size() + "):");
        if (pods.isEmpty()) out.println("  none (not created yet, or removed after the run: see the events)");
        for (Pod p : pods) {
            out.println(String.format(Locale.ROOT, "  %-40s %-26s %-6s %-9s %s", p.getMetadata().getName(), PodDiagnosis.state(p),
                    PodDiagnosis.ready(p), PodDiagnosis.restarts(p) + " restarts", p.getSpec() == null || p.getSpec().getNodeName() == null ? "-" : p.getSpec().getNodeName()));
        }
        List<Pod> troubled = new ArrayList<>();
        for (Pod p : pods) {
            List<PodDiagnosis.Problem> found = PodDiagnosis.of(p);
            if (!found.isEmpty()) troubled.add(p);
            problems.addAll(found);
        }
        events(conn, ref, benchmarks, pods);
        nodes(conn);

        out.println();
        out.println(problems.isEmpty() ? "problems: none found" : "problems (" + problems.size() + "):");
        for (PodDiagnosis.Problem p : problems) out.println("  ! " + p);
        if (verbose) logs(conn, ref.namespace(), troubled);
        return 0;
    }

    /** The phase and, for a resource not doing well, its failing condition as a problem. */
    private void status(String subject, JsonNode resource) {
        JsonNode st = resource.path("status");
        String phase = st.path("phase").asText("");
        JsonNode bad = null;
        for (JsonNode c : st.path("conditions")) {
            boolean failedTrue = c.path("type").asText().matches("Failed|Invalid|Degraded") && c.path("status").asText().equals("True");
            boolean readyFalse = c.path("type").asText().equals("Ready") && c.path("status").asText().equals("False");
            if (failedTrue || readyFalse && bad == null) bad = c;
        }
        String why = bad == null ? "" : bad.path("reason").asText() + ": " + bad.path("message").asText();
        out.println("  " + subject + ": phase " + (phase.isEmpty() ? "(none yet: is the operator running? see kube preflight)" : phase)
                + (bad == null ? "" : " — " + bad.path("type").asText() + "=" + bad.path("status").asText() + " " + why));
        if (phase.isEmpty()) {
            problems.add(new PodDiagnosis.Problem(subject, "has no status", "the operator has not seen it: check it runs (redline kube preflight)"));
        } else if (phase.equals("Invalid")) {
            problems.add(new PodDiagnosis.Problem(subject, "Invalid: " + why, "fix the field the message names and apply again (redline kube validate checks a file first)"));
        } else if (phase.equals("Failed")) {
            problems.add(new PodDiagnosis.Problem(subject, "Failed: " + why, "the runners' last log lines say why: redline kube logs, or kube debug -v"));
        }
    }

    private void events(KubeConnection conn, LastDeployed.Ref ref, List<String> benchmarks, List<Pod> pods) {
        List<Event> events;
        try {
            events = conn.client().v1().events().inNamespace(ref.namespace()).list().getItems();
        } catch (KubernetesClientException e) {
            out.println();
            out.println("events: cannot list (" + KubeApi.oneLine(e) + ")");
            return;
        }
        List<String> names = new ArrayList<>(benchmarks);
        pods.forEach(p -> names.add(p.getMetadata().getName()));
        List<Event> ours = events.stream()
                .filter(e -> e.getInvolvedObject() != null && e.getInvolvedObject().getName() != null
                        && names.stream().anyMatch(n -> e.getInvolvedObject().getName().equals(n) || e.getInvolvedObject().getName().startsWith(n + "-")))
                .filter(e -> verbose || "Warning".equals(e.getType()))
                .sorted(Comparator.comparing(KubeDebugCommand::when).reversed()).toList();
        out.println();
        out.println((verbose ? "events" : "warning events") + " (" + ours.size() + ", newest first):");
        if (ours.isEmpty()) out.println("  none");
        for (Event e : ours.subList(0, verbose ? ours.size() : Math.min(EVENTS, ours.size()))) {
            out.println(String.format(Locale.ROOT, "  %-8s %-22s %s/%s: %s%s", e.getType(), e.getReason(), e.getInvolvedObject().getKind(),
                    e.getInvolvedObject().getName(), e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").trim(),
                    e.getCount() != null && e.getCount() > 1 ? " (x" + e.getCount() + ")" : ""));
        }
    }

    private static String when(Event e) {
        String t = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime() != null ? e.getEventTime().getTime() : null;
        return t == null ? "" : t;
    }

    private void nodes(KubeConnection conn) {
        List<Node> nodes;
        try {
            nodes = conn.client().nodes().list().getItems();
        } catch (KubernetesClientException e) {
            out.println();
            out.println("nodes: cannot list (" + KubeApi.oneLine(e) + "); a namespaced user may not read nodes");
            return;
        }
        out.println();
        out.println("nodes (" + nodes.size() + "):");
        for (Node n : nodes) {
            boolean ready = n.getStatus() != null && n.getStatus().getConditions() != null && n.getStatus().getConditions().stream()
                    .anyMatch((NodeCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            boolean cordoned = n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
            Map<String, Quantity> alloc = n.getStatus() == null || n.getStatus().getAllocatable() == null ? Map.of() : n.getStatus().getAllocatable();
            out.println(String.format(Locale.ROOT, "  %-32s %-9s cpu %-6s memory %-10s gpu %s", n.getMetadata().getName(),
                    (ready ? "Ready" : "NotReady") + (cordoned ? ",cordoned" : ""), q(alloc.get("cpu")), q(alloc.get("memory")),
                    alloc.containsKey("nvidia.com/gpu") ? q(alloc.get("nvidia.com/gpu")) : alloc.containsKey("amd.com/gpu") ? q(alloc.get("amd.com/gpu")) : "0"));
        }
    }

    private static String q(Quantity q) { return q == null ? "-" : q.toString(); }

    private void logs(KubeConnection conn, String namespace, List<Pod> pods) {
        for (Pod p : pods) {
            String podName = p.getMetadata().getName();
            out.println();
            out.println("log of " + podName + " (last " + LOG_LINES + " lines):");
            try {
                String log = conn.client().pods().inNamespace(namespace).withName(podName).tailingLines(LOG_LINES).getLog();
                if (log == null || log.isBlank()) out.println("  (empty)");
                else log.lines().forEach(l -> out.println("  " + l));
            } catch (KubernetesClientException e) {
                out.println("  (no log: " + KubeApi.oneLine(e) + ")");
            }
        }
    }

    private static JsonNode json(KubeConnection conn, Object resource) {
        return conn.client().getKubernetesSerialization().convertValue(resource, JsonNode.class);
    }
}
